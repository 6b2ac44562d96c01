/**
 * 监控中心: global ticket management, approvals, live KPI monitoring of agents, workers and calls.
 * <p>
 * Other modules may only use {@code cn.heatdesk.monitor.api}; everything else in this package tree is internal
 * (guarded by the architecture test in platform-app).
 */
package cn.heatdesk.monitor;
