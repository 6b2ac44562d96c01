/**
 * Published API of the monitor module: interfaces, DTOs and domain events other modules may depend on.
 */
package cn.heatdesk.monitor.api;
