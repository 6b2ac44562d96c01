package cn.heatdesk.baseinfo.api;

import java.math.BigDecimal;

/** What other modules need about a household (ticket acceptance, dispatch, call records). */
public record HouseholdSummary(long id, String householdCode, long unitId, String nodePath, String address,
                               String roomNo, BigDecimal area, String heatingStatus, BigDecimal arrears,
                               Long customerId, String ownerName, long subsidiaryId, String orgPath) {
}
