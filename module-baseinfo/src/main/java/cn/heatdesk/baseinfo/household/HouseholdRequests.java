package cn.heatdesk.baseinfo.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * Request bodies of the household endpoints. Lengths, code format, area and money ranges, heating status and phone
 * numbers are checked by {@link HouseholdWriter} (the same rules as imports and the billing sync), so the messages
 * are identical whichever way a household arrives.
 */
public final class HouseholdRequests {

    private HouseholdRequests() {
    }

    /**
     * A household entered by hand; its owner (customer) is created or found by {@code customerCode} (default: the
     * household code) when an owner name, ID number or phone is given.
     */
    public record Create(
            @NotBlank(message = "房屋编码不能为空") String householdCode,
            @NotNull(message = "请选择房屋所在单元") Long unitId,
            String floorNo,
            @NotBlank(message = "房号不能为空") String roomNo,
            BigDecimal area,
            String heatingStatus,
            BigDecimal arrears,
            String customerCode,
            String ownerName,
            String ownerIdNumber,
            List<String> phones,
            String meterNo,
            String valveNo,
            String tags,
            String remark) {
    }

    /**
     * Changes to a household: null keeps the stored value, a blank text clears an optional one. For households
     * maintained by the billing system the billing-owned fields must be absent or unchanged
     * ({@link BillingOwnedFields}). The code cannot change (it is the key shared with the billing system).
     */
    public record Update(
            String householdCode,
            Long unitId,
            String floorNo,
            String roomNo,
            BigDecimal area,
            String heatingStatus,
            BigDecimal arrears,
            String ownerName,
            String meterNo,
            String valveNo,
            String tags,
            String remark,
            @NotNull(message = "版本号不能为空") Integer rowVersion) {
    }
}
