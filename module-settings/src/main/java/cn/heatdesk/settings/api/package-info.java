/**
 * Published API of the settings module: interfaces, DTOs and domain events other modules may depend on.
 */
package cn.heatdesk.settings.api;
