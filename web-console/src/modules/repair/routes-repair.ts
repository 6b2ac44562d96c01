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
  {
    path: '/repair/devices',
    name: 'repair-devices',
    component: () => import('./mobile/DevicesPage.vue'),
    meta: { title: '移动设备', perm: 'repair:device', icon: 'Iphone' },
  },
  {
    path: '/repair/sync-rejected',
    name: 'repair-sync-rejected',
    component: () => import('./mobile/RejectedOpsPage.vue'),
    meta: { title: '被拒操作', perm: 'repair:sync:review', icon: 'WarningFilled' },
  },
  {
    path: '/repair/check-ins',
    name: 'repair-check-ins',
    component: () => import('./mobile/CheckInsPage.vue'),
    meta: { title: '签到记录', perm: 'repair:checkin', icon: 'Location' },
  },
]

export default routes
