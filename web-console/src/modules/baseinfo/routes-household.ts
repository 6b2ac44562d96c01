/**
 * Routes of the household (房屋信息), customer (热用户与电话) and blacklist (黑名单) pages. Paths equal the menu paths
 * of module-baseinfo/src/main/resources/heatdesk/permissions/baseinfo.json; meta.perm is what each page's list
 * endpoint checks.
 */
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/baseinfo/household',
    name: 'baseinfo-household',
    component: () => import('./household/HouseholdPage.vue'),
    meta: { title: '房屋信息', perm: 'baseinfo:household', icon: 'HomeFilled' },
  },
  {
    path: '/baseinfo/customer',
    name: 'baseinfo-customer',
    component: () => import('./customer/CustomerPage.vue'),
    meta: { title: '热用户与电话', perm: 'baseinfo:customer', icon: 'Avatar' },
  },
  {
    path: '/baseinfo/blacklist',
    name: 'baseinfo-blacklist',
    component: () => import('./blacklist/BlacklistPage.vue'),
    meta: { title: '黑名单', perm: 'baseinfo:blacklist', icon: 'CircleClose' },
  },
]

export default routes
