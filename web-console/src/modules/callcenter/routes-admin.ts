/**
 * Routes of the call center's administration pages (呼叫中心：坐席管理、IP 话机、队列与技能、网关管理). Paths equal
 * the menu paths of module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json; meta.perm is the
 * menu code each page's list endpoint checks.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/callcenter/agents',
    name: 'callcenter-agents',
    component: () => import('./admin/AgentsPage.vue'),
    meta: { title: '坐席管理', perm: 'callcenter:agent', icon: 'Avatar' },
  },
  {
    path: '/callcenter/phones',
    name: 'callcenter-phones',
    component: () => import('./admin/PhonesPage.vue'),
    meta: { title: 'IP 话机', perm: 'callcenter:phone', icon: 'Iphone' },
  },
  {
    path: '/callcenter/queues',
    name: 'callcenter-queues',
    component: () => import('./admin/QueuesPage.vue'),
    meta: { title: '队列与技能', perm: 'callcenter:queue', icon: 'Operation' },
  },
  {
    path: '/callcenter/gateways',
    name: 'callcenter-gateways',
    component: () => import('./admin/GatewaysPage.vue'),
    meta: { title: '网关管理', perm: 'callcenter:gateway', icon: 'Connection' },
  },
]

export default routes
