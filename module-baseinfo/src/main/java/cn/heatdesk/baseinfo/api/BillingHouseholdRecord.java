package cn.heatdesk.baseinfo.api;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A household as the billing system (经营计费) owns it. The billing system is the master of every field here;
 * HeatDesk's own service fields (tags, remark, numbers bound by hand) are never touched by it.
 * Contract and JSON form: docs/integrations/billing.md.
 *
 * @param subsidiaryCode org code of the subsidiary (e.g. SUB01); household codes are unique per subsidiary
 * @param householdCode  the billing system's household key
 * @param unitCode       node code of the unit (单元) in HeatDesk's heat network tree
 * @param heatingStatus  HEATING / SUSPENDED / STOPPED (dictionary heating_status; the Chinese labels work too)
 * @param arrears        outstanding amount in yuan
 * @param customerCode   the owner's account; defaults to the household code
 * @param ownerPhones    the complete list of the owner's numbers known to billing; numbers billing sent earlier and
 *                       no longer lists are removed (numbers bound by hand in HeatDesk stay)
 * @param updatedAt      the billing system's update time of this record (local time); older records are ignored
 */
public record BillingHouseholdRecord(String subsidiaryCode, String householdCode, String unitCode, String floorNo,
                                     String roomNo, BigDecimal area, String heatingStatus, BigDecimal arrears,
                                     String customerCode, String ownerName, String ownerIdNumber,
                                     List<String> ownerPhones, String meterNo, String valveNo,
                                     LocalDateTime updatedAt) {
}
