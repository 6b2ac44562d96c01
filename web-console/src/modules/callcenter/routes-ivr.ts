/**
 * Route of 语音导航 (IVR menus): the path equals the menu path of callcenter:ivr in
 * module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/callcenter/ivr',
    name: 'callcenter-ivr',
    component: () => import('./ivr/IvrPage.vue'),
    meta: { title: '语音导航', perm: 'callcenter:ivr', icon: 'Guide' },
  },
]

export default routes
