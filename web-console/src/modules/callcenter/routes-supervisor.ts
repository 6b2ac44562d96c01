/**
 * Route of 班长监控 (queue board, listen / whisper / barge / release / intercept, priorities, action log): the path
 * equals the menu path of callcenter:supervisor in
 * module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/callcenter/supervisor',
    name: 'callcenter-supervisor',
    component: () => import('./supervisor/SupervisorPage.vue'),
    meta: { title: '班长监控', perm: 'callcenter:supervisor', icon: 'View' },
  },
]

export default routes
