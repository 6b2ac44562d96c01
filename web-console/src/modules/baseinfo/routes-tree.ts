/** Route of the heat network tree page (楼宇信息); the path is the server's menu path of baseinfo:node. */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/baseinfo/tree',
    name: 'baseinfo-tree',
    component: () => import('./tree/TreePage.vue'),
    meta: { title: '楼宇信息', perm: 'baseinfo:node', icon: 'Share' },
  },
]

export default routes
