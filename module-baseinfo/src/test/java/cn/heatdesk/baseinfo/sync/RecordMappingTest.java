package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingHouseholdRecord;
import cn.heatdesk.baseinfo.api.ChangeCursor;
import cn.heatdesk.baseinfo.household.HouseholdRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DTO mapping: billing record → writer record, keys, kinds, payload masking, cursor order. */
class RecordMappingTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @Test
    void billingRecordBecomesABillingOwnedHouseholdRecord() {
        BillingHouseholdRecord b = new BillingHouseholdRecord("SUB01", " HH-1 ", "U-1", "5", "501", new BigDecimal("88.5"),
                "SUSPENDED", new BigDecimal("12.30"), null, "张三", "110101199003077777", List.of("13800138000"), "M1", "V1",
                LocalDateTime.of(2026, 1, 5, 10, 0, 7, 123_000_000));
        HouseholdRecord h = RecordApplier.toHouseholdRecord(b);
        assertThat(h.householdCode()).isEqualTo("HH-1");
        assertThat(h.unitCode()).isEqualTo("U-1");
        assertThat(h.unitId()).isNull();
        assertThat(h.area()).isEqualByComparingTo("88.5");
        assertThat(h.heatingStatus()).isEqualTo("SUSPENDED");
        assertThat(h.arrears()).isEqualByComparingTo("12.3");
        assertThat(h.ownerName()).isEqualTo("张三");
        assertThat(h.ownerIdNumber()).isEqualTo("110101199003077777");
        assertThat(h.phones()).containsExactly("13800138000");
        assertThat(h.meterNo()).isEqualTo("M1");
        assertThat(h.valveNo()).isEqualTo("V1");
        // HeatDesk's own service fields are never set from billing
        assertThat(h.tags()).isNull();
        assertThat(h.remark()).isNull();
        // second precision, as every database keeps it
        assertThat(h.billingUpdatedAt()).isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 0, 7));
    }

    @Test
    void missingPhoneListMeansBillingKnowsNone() {
        BillingHouseholdRecord b = new BillingHouseholdRecord("SUB01", "HH", "U", null, "1", null, null, null, null, null,
                null, null, null, null, LocalDateTime.now());
        assertThat(RecordApplier.toHouseholdRecord(b).phones()).isEmpty();
    }

    @Test
    void keysAndKinds() {
        assertThat(RecordApplier.householdFailureKey("SUB01", "HH-1")).isEqualTo("SUB01/HH-1");
        assertThat(RecordApplier.householdFailureKey(null, "HH-1")).isEqualTo("?/HH-1");
        assertThat(RecordApplier.householdFailureKey(" ", null)).isNull();
        assertThat(RecordApplier.payKind("pay")).isEqualTo("PAY");
        assertThat(RecordApplier.payKind("退费")).isEqualTo("REFUND");
        assertThat(RecordApplier.payKind("GIFT")).isNull();
    }

    @Test
    void recordsAreReadOneByOneWithTheBadFieldNamed() throws Exception {
        RecordJson.Parsed<BillingHouseholdRecord> bad = RecordJson.read(JSON,
                JSON.readTree("{\"subsidiaryCode\":\"SUB02\",\"householdCode\":\"H1\",\"updatedAt\":\"yesterday\"}"),
                BillingHouseholdRecord.class, "householdCode");
        assertThat(bad.ok()).isFalse();
        assertThat(bad.field()).isEqualTo("updatedAt");
        assertThat(bad.key()).isEqualTo("H1");
        assertThat(bad.subsidiaryCode()).isEqualTo("SUB02");
        RecordJson.Parsed<BillingHouseholdRecord> notObject = RecordJson.read(JSON, JSON.readTree("[1]"),
                BillingHouseholdRecord.class, "householdCode");
        assertThat(notObject.reason()).isEqualTo("记录须为 JSON 对象");
    }

    @Test
    void payloadIsMaskedForPeopleWithoutUnmask() {
        String payload = "{\"householdCode\":\"H1\",\"ownerName\":\"张三丰\",\"ownerIdNumber\":\"110101199003077777\","
                + "\"ownerPhones\":[\"13800138000\"]}";
        String masked = PayloadMasking.forDisplay(JSON, payload, false);
        assertThat(masked).contains("张**").contains("1101**********7777").contains("138****8000").contains("H1")
                .doesNotContain("13800138000").doesNotContain("张三丰");
        assertThat(PayloadMasking.forDisplay(JSON, payload, true)).contains("13800138000").contains("张三丰");
        assertThat(PayloadMasking.forDisplay(JSON, "not json 13800138000", false)).doesNotContain("13800138000");
    }

    @Test
    void cursorsOrderByTimeThenKey() {
        ChangeCursor a = new ChangeCursor(LocalDateTime.of(2026, 1, 1, 0, 0), "B");
        ChangeCursor b = new ChangeCursor(LocalDateTime.of(2026, 1, 1, 0, 0), "C");
        ChangeCursor c = new ChangeCursor(LocalDateTime.of(2026, 1, 1, 0, 1), "A");
        assertThat(List.of(c, b, ChangeCursor.START, a).stream().sorted().toList()).containsExactly(ChangeCursor.START, a, b, c);
        assertThat(ChangeCursor.START.isStart()).isTrue();
    }
}
