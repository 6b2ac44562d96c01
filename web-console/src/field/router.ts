import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { hasPerm, state } from './app'
import LoginView from './views/LoginView.vue'
import TasksView from './views/TasksView.vue'
import TaskView from './views/TaskView.vue'
import ApprovalsView from './views/ApprovalsView.vue'
import MeView from './views/MeView.vue'
import FailuresView from './views/FailuresView.vue'

// views are bundled eagerly: lazy chunks would be missing from the offline app shell until first visited
const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/tasks' },
  { path: '/login', component: LoginView, meta: { title: '登录', public: true } },
  { path: '/tasks', component: TasksView, meta: { title: '我的任务', tab: true } },
  { path: '/tasks/:id', component: TaskView, props: true, meta: { title: '工单详情' } },
  { path: '/approvals', component: ApprovalsView, meta: { title: '审批', tab: true, perm: 'repair:assign' } },
  { path: '/me', component: MeView, meta: { title: '我的', tab: true } },
  { path: '/failures', component: FailuresView, meta: { title: '同步失败' } },
  { path: '/:any(.*)', redirect: '/tasks' },
]

export function createFieldRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes })
  router.beforeEach((to) => {
    if (!to.meta.public && !state.session) return { path: '/login' }
    if (to.path === '/login' && state.session && !state.sync.authLost) return { path: '/tasks' }
    if (to.meta.perm && !hasPerm(String(to.meta.perm))) return { path: '/tasks' }
    return true
  })
  router.afterEach((to) => {
    document.title = `${to.meta.title ?? ''} - 供热移动运维`
  })
  return router
}
