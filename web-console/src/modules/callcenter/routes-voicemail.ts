/**
 * Route of 留言管理 (voice messages): the path equals the menu path of callcenter:voicemail in
 * module-callcenter/src/main/resources/heatdesk/permissions/callcenter.json.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/callcenter/voicemails',
    name: 'callcenter-voicemails',
    component: () => import('./voicemail/VoicemailPage.vue'),
    meta: { title: '留言管理', perm: 'callcenter:voicemail', icon: 'Microphone' },
  },
]

export default routes
