/**
 * Published API of the notice module: interfaces, DTOs and domain events other modules may depend on.
 */
package cn.heatdesk.notice.api;
