/**
 * Routes of the call center's agent-facing pages: 坐席工作台 and 通话记录. Paths equal the menu paths of
 * module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json; meta.perm is what each page's main
 * endpoint checks. (The administration pages have their own routes file.)
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/callcenter/workbench',
    name: 'callcenter-workbench',
    component: () => import('./workbench/WorkbenchPage.vue'),
    meta: { title: '坐席工作台', perm: 'callcenter:workbench', icon: 'Headset' },
  },
  {
    path: '/callcenter/calls',
    name: 'callcenter-calls',
    component: () => import('./calls/CallsPage.vue'),
    meta: { title: '通话记录', perm: 'callcenter:call', icon: 'Tickets' },
  },
]

export default routes
