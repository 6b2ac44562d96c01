package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.error.BizException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Field ownership on the console side: a household the billing system maintains (data_source BILLING) keeps its
 * code, placement, area, heating status, arrears, owner and meter/valve ids as the billing system sent them; the
 * console may only change HeatDesk's own fields (tags, remark). An edit that would change a billing-owned field is
 * refused naming the field, rather than silently overwritten by the next sync.
 */
public final class BillingOwnedFields {

    public static final String MESSAGE = "该字段由经营计费系统维护，请在计费系统修改";
    public static final String BILLING = HouseholdWriter.Origin.BILLING.name();

    /** request field names of {@link HouseholdRequests.Update}, in form order */
    public static final List<String> FIELDS = List.of("householdCode", "unitId", "floorNo", "roomNo", "area",
            "heatingStatus", "arrears", "ownerName", "meterNo", "valveNo");

    private BillingOwnedFields() {
    }

    public static boolean isBillingOwned(Household h) {
        return BILLING.equals(h.getDataSource());
    }

    /**
     * Throws a 400 naming the first billing-owned field {@code req} would change on a BILLING household; does
     * nothing for other households. Null means "not supplied" and is always accepted.
     */
    public static void check(Household h, HouseholdRequests.Update req) {
        if (!isBillingOwned(h)) {
            return;
        }
        text("householdCode", req.householdCode(), h.getHouseholdCode());
        if (req.unitId() != null && !req.unitId().equals(h.getUnitId())) {
            throw refused("unitId");
        }
        text("floorNo", req.floorNo(), h.getFloorNo());
        text("roomNo", req.roomNo(), h.getRoomNo());
        number("area", req.area(), h.getArea());
        text("heatingStatus", req.heatingStatus(), h.getHeatingStatus());
        number("arrears", req.arrears(), h.getArrears());
        text("ownerName", req.ownerName(), h.getOwnerName());
        text("meterNo", req.meterNo(), h.getMeterNo());
        text("valveNo", req.valveNo(), h.getValveNo());
    }

    public static BizException refused(String field) {
        return BizException.invalid(field, MESSAGE);
    }

    private static void text(String field, String requested, String stored) {
        if (requested != null && !Objects.equals(blankToNull(requested), blankToNull(stored))) {
            throw refused(field);
        }
    }

    private static void number(String field, BigDecimal requested, BigDecimal stored) {
        if (requested != null && (stored == null || requested.compareTo(stored) != 0)) {
            throw refused(field);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
