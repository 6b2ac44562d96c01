/**
 * Route of 导入导出 (Excel import jobs and exports of tree, households and customers). The path equals the menu path
 * in module-baseinfo/src/main/resources/heatdesk/permissions/baseinfo.json; users with only baseinfo:export may open
 * it too and see just the export half.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/baseinfo/import',
    name: 'baseinfo-import',
    component: () => import('./imports/ImportPage.vue'),
    meta: { title: '导入导出', perm: ['baseinfo:import', 'baseinfo:export'], icon: 'Upload' },
  },
]

export default routes
