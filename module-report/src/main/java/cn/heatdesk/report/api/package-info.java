/**
 * Published API of the report module: interfaces, DTOs and domain events other modules may depend on.
 */
package cn.heatdesk.report.api;
