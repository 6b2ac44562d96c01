package cn.heatdesk.baseinfo.api;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A payment or refund (交退费) booked in the billing system. Stored once per {@code paymentId}; a correction is a
 * new record (e.g. a REFUND), never an update of an old one.
 *
 * @param kind      PAY (交费) or REFUND (退费)
 * @param amount    amount in yuan, positive for both kinds
 * @param season    heating season, e.g. 2025-2026
 * @param channel   where it was paid (counter, WeChat, bank …), free text
 * @param updatedAt the billing system's update time, the order of the change feed
 */
public record BillingPaymentRecord(String paymentId, String subsidiaryCode, String householdCode, String kind,
                                   BigDecimal amount, LocalDateTime paidAt, String season, String channel,
                                   LocalDateTime updatedAt) {
}
