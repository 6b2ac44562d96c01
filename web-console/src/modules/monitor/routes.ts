/**
 * Routes of 监控中心. Paths equal the menu paths of module-monitor/src/main/resources/heatdesk/permissions/monitor.json;
 * meta.perm is what each page's endpoints check.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/monitor/tickets',
    name: 'monitor-tickets',
    component: () => import('./tickets/TicketManagePage.vue'),
    meta: { title: '工单管理', perm: 'monitor:ticket', icon: 'Tickets' },
  },
  {
    path: '/monitor/approvals',
    name: 'monitor-approvals',
    component: () => import('./approvals/ApprovalPage.vue'),
    meta: { title: '工单审批', perm: 'monitor:approval', icon: 'Stamp' },
  },
  {
    path: '/monitor/approval-chains',
    name: 'monitor-approval-chains',
    component: () => import('./chains/ApprovalChainPage.vue'),
    meta: { title: '审批流程', perm: 'monitor:approval:config', icon: 'Connection' },
  },
]

export default routes
