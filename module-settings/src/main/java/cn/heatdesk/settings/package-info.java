/**
 * 基础设置: org tree, users, roles, permissions, data scope, dictionaries, system parameters, settings change log.
 * <p>
 * Other modules may only use {@code cn.heatdesk.settings.api}; everything else in this package tree is internal
 * (guarded by the architecture test in platform-app).
 */
package cn.heatdesk.settings;
