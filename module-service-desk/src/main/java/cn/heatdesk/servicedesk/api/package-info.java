/**
 * Published API of the service-desk module: interfaces, DTOs and domain events other modules may depend on.
 */
package cn.heatdesk.servicedesk.api;
