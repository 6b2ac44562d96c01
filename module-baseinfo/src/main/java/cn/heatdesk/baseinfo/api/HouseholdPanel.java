package cn.heatdesk.baseinfo.api;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The household 360 view the agent's screen pop shows: household, customer, tree path, tickets of the household
 * and its unit, payments and refunds, last room temperatures, blacklist status of the customer's numbers.
 * Phone numbers and ID numbers are plaintext here; REST views mask them for users without data:unmask.
 */
public record HouseholdPanel(HouseholdSummary household,
                             String meterNo,
                             String valveNo,
                             String tags,
                             String remark,
                             String dataSource,
                             LocalDateTime billingUpdatedAt,
                             Customer customer,
                             List<PathNode> path,
                             Long stationId,
                             List<TicketBrief> recentTickets,
                             List<TicketBrief> unitOpenTickets,
                             boolean ticketsAvailable,
                             List<PaymentLine> payments,
                             List<TemperatureLine> temperatures,
                             List<BlacklistHit> blacklist) {

    public record Customer(Long id, String customerCode, String name, String customerType, String idNumber,
                           String contactPref, String contactTime, boolean noDisturb, List<Phone> phones) {
    }

    public record Phone(Long id, String phone, String phoneKind, boolean primary, String dataSource) {
    }

    public record PathNode(Long id, String nodeType, String nodeCode, String nodeName) {
    }

    public record PaymentLine(Long id, String payKind, BigDecimal amount, LocalDateTime paidAt, String season,
                              String channel, String dataSource, LocalDateTime receivedAt) {
    }

    public record TemperatureLine(Long id, BigDecimal temperature, LocalDateTime measuredAt, String dataSource,
                                  LocalDateTime receivedAt) {
    }
}
