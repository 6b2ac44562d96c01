/**
 * Routes of the repair center (维修中心). Paths equal the menu paths of
 * module-repair/src/main/resources/heatdesk/permissions/repair.json; meta.perm is what each page's main endpoint
 * checks.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/repair/dispatch',
    name: 'repair-dispatch',
    component: () => import('./dispatch/DispatchPage.vue'),
    meta: { title: '工单分派', perm: 'repair:pool', icon: 'Van' },
  },
  {
    path: '/repair/workers',
    name: 'repair-workers',
    component: () => import('./workers/WorkersPage.vue'),
    meta: { title: '维修人员', perm: 'repair:worker', icon: 'Avatar' },
  },
]

export default routes
