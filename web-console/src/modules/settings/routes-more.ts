/**
 * Routes of the other settings pages (数据字典、系统参数、变更记录、审计日志、接口应用). The paths equal the menu paths
 * the server sends (module-settings/src/main/resources/heatdesk/permissions/settings.json).
 * meta.perm is what the page's list endpoint checks on the server:
 *  - the dictionary, parameter and change-log lists accept the view or the edit permission (SaMode.OR);
 *  - the audit list needs audit:view (the menu code "audit" alone is not enough);
 *  - the integration-app page opens with the menu code integration:app (list); changes need integration:app:manage.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/settings/dict',
    name: 'settings-dict',
    component: () => import('./DictPage.vue'),
    meta: { title: '数据字典', perm: ['settings:dict', 'settings:dict:edit'], icon: 'Collection' },
  },
  {
    path: '/settings/param',
    name: 'settings-param',
    component: () => import('./ParamPage.vue'),
    meta: { title: '系统参数', perm: ['settings:param', 'settings:param:edit'], icon: 'Operation' },
  },
  {
    path: '/settings/changelog',
    name: 'settings-changelog',
    component: () => import('./ChangeLogPage.vue'),
    meta: { title: '变更记录', perm: ['settings:changelog', 'settings:changelog:rollback'], icon: 'Tickets' },
  },
  {
    path: '/settings/audit',
    name: 'settings-audit',
    component: () => import('./AuditPage.vue'),
    meta: { title: '审计日志', perm: 'audit:view', icon: 'Document' },
  },
  {
    path: '/settings/integration-app',
    name: 'settings-integration-app',
    component: () => import('./IntegrationAppPage.vue'),
    meta: { title: '接口应用', perm: 'integration:app', icon: 'Connection' },
  },
]

export default routes
