/**
 * 报表中心: group KPI reports (answer rate, response time, first-time fix, completion, satisfaction, overdue rate) and exports.
 * <p>
 * Other modules may only use {@code cn.heatdesk.report.api}; everything else in this package tree is internal
 * (guarded by the architecture test in platform-app).
 */
package cn.heatdesk.report;
