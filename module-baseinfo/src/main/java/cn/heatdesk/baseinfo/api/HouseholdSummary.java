package cn.heatdesk.baseinfo.api;

import java.math.BigDecimal;

/** What other modules need about a household (ticket acceptance, dispatch, call records). Ids are boxed so JSON carries them as strings. */
public record HouseholdSummary(Long id, String householdCode, Long unitId, String nodePath, String address,
                               String roomNo, BigDecimal area, String heatingStatus, BigDecimal arrears,
                               Long customerId, String ownerName, Long subsidiaryId, String orgPath) {
}
