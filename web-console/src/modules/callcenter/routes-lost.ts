/**
 * Route of 呼损管理 (lost calls): the path equals the menu path of callcenter:lost in
 * module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/callcenter/lost-calls',
    name: 'callcenter-lost-calls',
    component: () => import('./lost/LostCallsPage.vue'),
    meta: { title: '呼损管理', perm: 'callcenter:lost', icon: 'PhoneFilled' },
  },
]

export default routes
