/**
 * 通告管理: in-app messages, SMS, WeChat and app-push channels delivered through the outbox.
 * <p>
 * Other modules may only use {@code cn.heatdesk.notice.api}; everything else in this package tree is internal
 * (guarded by the architecture test in platform-app).
 */
package cn.heatdesk.notice;
