/**
 * Published API of the baseinfo module: interfaces, DTOs and domain events other modules may depend on.
 */
package cn.heatdesk.baseinfo.api;
