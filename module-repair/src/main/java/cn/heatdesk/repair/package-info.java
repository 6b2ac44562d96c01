/**
 * 维修中心: station-side ticket confirmation and assignment, and the repair crews' offline-first mobile sync.
 * <p>
 * Other modules may only use {@code cn.heatdesk.repair.api}; everything else in this package tree is internal
 * (guarded by the architecture test in platform-app).
 */
package cn.heatdesk.repair;
