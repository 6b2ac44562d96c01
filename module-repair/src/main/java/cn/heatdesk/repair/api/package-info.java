/**
 * Published API of the repair module: interfaces, DTOs and domain events other modules may depend on.
 */
package cn.heatdesk.repair.api;
