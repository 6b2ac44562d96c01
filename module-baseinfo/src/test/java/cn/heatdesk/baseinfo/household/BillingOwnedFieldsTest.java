package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingOwnedFieldsTest {

    private static Household household(String source) {
        Household h = new Household();
        h.setHouseholdCode("HH001");
        h.setUnitId(10L);
        h.setFloorNo("5");
        h.setRoomNo("501");
        h.setArea(new BigDecimal("88.50"));
        h.setHeatingStatus("HEATING");
        h.setArrears(new BigDecimal("120.00"));
        h.setOwnerName("张三");
        h.setMeterNo(null);
        h.setValveNo("V1");
        h.setDataSource(source);
        return h;
    }

    private static HouseholdRequests.Update update(String code, Long unitId, String floor, String room, String area,
                                                   String status, String arrears, String owner, String meter, String valve) {
        return new HouseholdRequests.Update(code, unitId, floor, room, area == null ? null : new BigDecimal(area), status,
                arrears == null ? null : new BigDecimal(arrears), owner, meter, valve, "标签", "备注", 0);
    }

    @Test
    void unchangedOrAbsentBillingFieldsPass() {
        Household h = household("BILLING");
        assertThatCode(() -> BillingOwnedFields.check(h, update(null, null, null, null, null, null, null, null, null, null)))
                .doesNotThrowAnyException();
        // the whole form sent back: numbers compare by value, blanks equal nulls, surrounding spaces ignored
        assertThatCode(() -> BillingOwnedFields.check(h, update("HH001", 10L, "5", " 501 ", "88.5", "HEATING", "120",
                "张三", "", "V1"))).doesNotThrowAnyException();
    }

    @Test
    void eachChangedBillingFieldIsRefusedByName() {
        Household h = household("BILLING");
        assertRefused(h, update("HH002", null, null, null, null, null, null, null, null, null), "householdCode");
        assertRefused(h, update(null, 11L, null, null, null, null, null, null, null, null), "unitId");
        assertRefused(h, update(null, null, "6", null, null, null, null, null, null, null), "floorNo");
        assertRefused(h, update(null, null, null, "502", null, null, null, null, null, null), "roomNo");
        assertRefused(h, update(null, null, null, null, "90", null, null, null, null, null), "area");
        assertRefused(h, update(null, null, null, null, null, "STOPPED", null, null, null, null), "heatingStatus");
        assertRefused(h, update(null, null, null, null, null, null, "0", null, null, null), "arrears");
        assertRefused(h, update(null, null, null, null, null, null, null, "李四", null, null), "ownerName");
        assertRefused(h, update(null, null, null, null, null, null, null, null, "M9", null), "meterNo");
        assertRefused(h, update(null, null, null, null, null, null, null, null, null, ""), "valveNo");
        h.setArea(null);
        assertRefused(h, update(null, null, null, null, "1", null, null, null, null, null), "area");
    }

    @Test
    void householdsNotFromBillingAreNotChecked() {
        for (String source : new String[]{"MANUAL", "IMPORT"}) {
            assertThatCode(() -> BillingOwnedFields.check(household(source),
                    update("X", 99L, "9", "909", "1", "STOPPED", "0", "王五", "M", "V"))).doesNotThrowAnyException();
        }
        assertThat(BillingOwnedFields.isBillingOwned(household("BILLING"))).isTrue();
        assertThat(BillingOwnedFields.isBillingOwned(household("MANUAL"))).isFalse();
    }

    private static void assertRefused(Household h, HouseholdRequests.Update req, String field) {
        assertThatThrownBy(() -> BillingOwnedFields.check(h, req))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo("该字段由经营计费系统维护，请在计费系统修改");
                });
    }
}
