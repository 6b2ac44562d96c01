package cn.heatdesk.baseinfo.household;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One household as supplied by the console, an Excel row or the billing system. Null means "not supplied"
 * (the stored value is kept), except where the origin owns the field outright (see {@link HouseholdWriter}).
 *
 * @param unitCode        node code of the unit (imports, billing); or
 * @param unitId          the unit's id (console)
 * @param phones          raw numbers as typed; validated and normalised by the writer
 * @param customerCode    the owner's customer code; defaults to the household code (one account per household)
 * @param billingUpdatedAt the billing system's own update time (BILLING only): older records are ignored
 */
public record HouseholdRecord(String householdCode, String unitCode, Long unitId, String floorNo, String roomNo,
                              BigDecimal area, String heatingStatus, BigDecimal arrears, String customerCode,
                              String ownerName, String ownerIdNumber, List<String> phones, String meterNo,
                              String valveNo, String tags, String remark, LocalDateTime billingUpdatedAt) {
}
