/**
 * Routes of the service desk (客服中心). Paths equal the menu paths of
 * module-service-desk/src/main/resources/heatdesk/permissions/servicedesk.json; meta.perm is what each page's
 * main endpoint checks.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/servicedesk/accept',
    name: 'servicedesk-accept',
    component: () => import('./accept/AcceptPage.vue'),
    meta: { title: '业务受理', perm: 'servicedesk:ticket:create', icon: 'EditPen' },
  },
  {
    path: '/servicedesk/tickets',
    name: 'servicedesk-tickets',
    component: () => import('./pools/PoolPage.vue'),
    meta: { title: '工单安排', perm: 'servicedesk:ticket', icon: 'Tickets' },
  },
  {
    path: '/servicedesk/visits',
    name: 'servicedesk-visits',
    component: () => import('./visits/VisitPage.vue'),
    meta: { title: '工单回访', perm: 'servicedesk:visit', icon: 'PhoneFilled' },
  },
  {
    path: '/servicedesk/config',
    name: 'servicedesk-config',
    component: () => import('./config/ConfigPage.vue'),
    meta: { title: '工单配置', perm: 'servicedesk:config', icon: 'Setting' },
  },
]

export default routes
