/**
 * Routes of the settings module (组织机构、用户管理、角色权限). The paths equal the menu paths the server sends
 * (module-settings/src/main/resources/heatdesk/permissions/settings.json); meta.perm is the menu's code.
 * The other settings pages (字典、参数、变更记录、审计、接口应用) are in routes-more.ts.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/settings/org',
    name: 'settings-org',
    component: () => import('./OrgPage.vue'),
    meta: { title: '组织机构', perm: 'settings:org', icon: 'OfficeBuilding' },
  },
  {
    path: '/settings/user',
    name: 'settings-user',
    component: () => import('./UserPage.vue'),
    meta: { title: '用户管理', perm: 'settings:user', icon: 'User' },
  },
  {
    path: '/settings/role',
    name: 'settings-role',
    component: () => import('./RolePage.vue'),
    meta: { title: '角色权限', perm: 'settings:role', icon: 'Lock' },
  },
]

export default routes
