/** Route of 系统同步 (menu baseinfo:sync, path /baseinfo/sync in module-baseinfo's permissions/baseinfo.json). */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/baseinfo/sync',
    name: 'baseinfo-sync',
    component: () => import('./sync/SyncPage.vue'),
    meta: { title: '系统同步', perm: 'baseinfo:sync', icon: 'Refresh' },
  },
]

export default routes
