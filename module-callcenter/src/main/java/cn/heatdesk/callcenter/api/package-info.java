/**
 * Published API of the callcenter module: interfaces, DTOs and domain events other modules may depend on.
 */
package cn.heatdesk.callcenter.api;
