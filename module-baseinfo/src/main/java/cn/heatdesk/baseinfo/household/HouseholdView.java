package cn.heatdesk.baseinfo.household;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A household as the console shows it. The owner's name is not masked: agents and station staff address the
 * caller by name; phones and ID numbers never appear here (see the customer views, which mask them).
 *
 * @param billingOwnedFields for households maintained by the billing system, the request fields the console must
 *                           show read-only (empty otherwise)
 * @param customerCode       only filled by the single-household read
 */
public record HouseholdView(Long id, String householdCode, Long unitId, String nodePath, String address, String floorNo,
                            String roomNo, BigDecimal area, String heatingStatus, String heatingStatusLabel,
                            BigDecimal arrears, Long customerId, String customerCode, String ownerName, String meterNo,
                            String valveNo, String tags, String remark, boolean enabled, String dataSource,
                            LocalDateTime billingUpdatedAt, Long subsidiaryId, String orgPath, Integer rowVersion,
                            LocalDateTime createdAt, LocalDateTime updatedAt, List<String> billingOwnedFields) {

    static HouseholdView of(Household h, String statusLabel, String customerCode) {
        return new HouseholdView(h.getId(), h.getHouseholdCode(), h.getUnitId(), h.getNodePath(), h.getAddress(),
                h.getFloorNo(), h.getRoomNo(), h.getArea(), h.getHeatingStatus(), statusLabel, h.getArrears(),
                h.getCustomerId(), customerCode, h.getOwnerName(), h.getMeterNo(), h.getValveNo(), h.getTags(),
                h.getRemark(), h.getEnabled() != null && h.getEnabled() == 1, h.getDataSource(), h.getBillingUpdatedAt(),
                h.getSubsidiaryId(), h.getOrgPath(), h.getRowVersion(), h.getCreatedAt(), h.getUpdatedAt(),
                BillingOwnedFields.isBillingOwned(h) ? BillingOwnedFields.FIELDS : List.of());
    }
}
