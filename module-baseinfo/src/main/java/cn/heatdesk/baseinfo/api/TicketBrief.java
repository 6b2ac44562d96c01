package cn.heatdesk.baseinfo.api;

import java.time.LocalDateTime;

/** One line of a work order in the household panel, supplied by the service desk. */
public record TicketBrief(Long id, String ticketNo, String ticketType, String status, String summary,
                          Long householdId, String address, LocalDateTime createdAt, LocalDateTime deadline) {
}
