/**
 * Routes: the login page, and the layout with the workbench, profile, 403/404 and every module's routes.
 * Modules add pages without touching this file: each src/modules/<module>/routes*.ts default-exports a
 * RouteRecordRaw[] (meta: title, perm, icon?) and is collected here as children of the layout.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { useTabsStore } from '@/stores/tabs'
import { onUnauthorized, setFlash } from '@/api/session'
import AppLayout from '@/layout/AppLayout.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Chinese page title: tab, breadcrumb and document title */
    title?: string
    /** permission code(s) needed to open the page (any of; '*' holders may open everything) */
    perm?: string | string[]
    /** Element Plus icon component name */
    icon?: string
    /** reachable without login */
    public?: boolean
    /** do not open a tab for this page */
    noTab?: boolean
  }
}

type RouteModule = { default?: RouteRecordRaw[]; routes?: RouteRecordRaw[] }

/** every module's routes, from src/modules/<module>/routes*.ts (default export or `routes`) */
export function collectModuleRoutes(
  modules: Record<string, RouteModule> = import.meta.glob<RouteModule>('../modules/*/routes*.ts', { eager: true }),
): RouteRecordRaw[] {
  return Object.keys(modules)
    .sort()
    .flatMap((file) => modules[file].default ?? modules[file].routes ?? [])
}

export const moduleRoutes = collectModuleRoutes()

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/LoginView.vue'),
    meta: { title: '登录', public: true, noTab: true },
  },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { title: '工作台', icon: 'HomeFilled' } },
      { path: 'profile', name: 'profile', component: () => import('@/views/ProfileView.vue'), meta: { title: '个人中心', icon: 'UserFilled' } },
      { path: '403', name: 'forbidden', component: () => import('@/views/ForbiddenView.vue'), meta: { title: '无权访问', noTab: true } },
      ...moduleRoutes,
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: '页面不存在', noTab: true } },
    ],
  },
]

export function createAppRouter(): Router {
  const router = createRouter({
    // hash history: works at / and under any WAR context path without server-side fallbacks
    history: createWebHashHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })

  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    if (to.meta.public) {
      if (to.name === 'login' && auth.token && auth.profile) return { path: '/' }
      return true
    }
    const toLogin = () => ({ name: 'login', query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} })
    if (!auth.token) return toLogin()
    if (!auth.profile) {
      try {
        await auth.fetchMe()
      } catch {
        auth.clearLocal()
        return toLogin()
      }
    }
    if (to.meta.perm && !auth.hasPerm(to.meta.perm)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - HeatDesk 供热客服平台` : 'HeatDesk 供热客服平台'
    if (!to.meta.public && !to.meta.noTab && to.meta.title) {
      useTabsStore().open({ path: to.path, fullPath: to.fullPath, title: to.meta.title, name: String(to.name ?? to.path) })
    }
  })

  // a 401 anywhere (session expired, kicked out, idle timeout) returns to the login page with the server's message
  onUnauthorized((message) => {
    const auth = useAuthStore()
    auth.clearLocal()
    useTabsStore().reset()
    setFlash(message)
    const current = router.currentRoute.value
    if (current.name !== 'login') {
      router.replace({ name: 'login', query: current.fullPath && current.fullPath !== '/' ? { redirect: current.fullPath } : {} })
    }
  })

  return router
}
