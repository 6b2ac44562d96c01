/** Routes of 通告管理; the paths are the server's menu paths of notice:message, notice:template, notice:delivery. */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/notice/messages',
    name: 'notice-messages',
    component: () => import('./MessagesPage.vue'),
    meta: { title: '消息中心', perm: 'notice:message', icon: 'Message' },
  },
  {
    path: '/notice/templates',
    name: 'notice-templates',
    component: () => import('./TemplatesPage.vue'),
    meta: { title: '通知模板', perm: 'notice:template', icon: 'Document' },
  },
  {
    path: '/notice/outbox',
    name: 'notice-outbox',
    component: () => import('./OutboxPage.vue'),
    meta: { title: '发送记录', perm: 'notice:delivery', icon: 'Promotion' },
  },
]

export default routes
