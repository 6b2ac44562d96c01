/**
 * 客服中心: ticket acceptance, pools (待安排/已安排/退回/督办/越级投诉) and return visits.
 * <p>
 * Other modules may only use {@code cn.heatdesk.servicedesk.api}; everything else in this package tree is internal
 * (guarded by the architecture test in platform-app).
 */
package cn.heatdesk.servicedesk;
