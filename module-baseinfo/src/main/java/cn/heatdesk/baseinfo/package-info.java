/**
 * 基础信息管理: heating-network tree (company → heat source → heat station → community → building → unit), households, customers, blacklist, billing-system sync.
 * <p>
 * Other modules may only use {@code cn.heatdesk.baseinfo.api}; everything else in this package tree is internal
 * (guarded by the architecture test in platform-app).
 */
package cn.heatdesk.baseinfo;
