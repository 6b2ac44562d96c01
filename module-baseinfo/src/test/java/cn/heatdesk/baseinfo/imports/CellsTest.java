package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.baseinfo.household.HouseholdRecord;
import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellsTest {

    private static final ImportColumn AREA = ImportKind.HOUSEHOLD.columns().get(ImportKind.HOUSEHOLD.indexOf("area"));
    private static final ImportColumn SORT = ImportKind.NODE.columns().get(ImportKind.NODE.indexOf("sortNo"));
    private static final ImportColumn NO_DISTURB = ImportKind.CUSTOMER.columns().get(ImportKind.CUSTOMER.indexOf("noDisturb"));
    private static final ImportColumn PREF = ImportKind.CUSTOMER.columns().get(ImportKind.CUSTOMER.indexOf("contactPref"));

    @Test
    void decimalsAcceptWhatExcelAndPeopleWrite() {
        assertThat(Cells.decimal("89.5", AREA)).isEqualByComparingTo("89.5");
        assertThat(Cells.decimal(" 1,234.50 ", AREA)).isEqualByComparingTo("1234.5");
        assertThat(Cells.decimal("120㎡", AREA)).isEqualByComparingTo("120");
        assertThat(Cells.decimal("  ", AREA)).isNull();
        assertThat(Cells.decimal(null, AREA)).isNull();
        assertThatThrownBy(() -> Cells.decimal("八十", AREA)).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.field()).isEqualTo("area");
            assertThat(e.getMessage()).isEqualTo("建筑面积“八十”不是有效的数字");
        });
    }

    @Test
    void integersMayComeAsExcelDoubles() {
        assertThat(Cells.integer("3.0", SORT)).isEqualTo(3);
        assertThat(Cells.integer("12", SORT)).isEqualTo(12);
        assertThatThrownBy(() -> Cells.integer("1.5", SORT)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getMessage()).contains("排序").contains("整数"));
    }

    @Test
    void yesNoAndChoices() {
        assertThat(Cells.yesNo("是", NO_DISTURB)).isEqualTo(1);
        assertThat(Cells.yesNo("否", NO_DISTURB)).isEqualTo(0);
        assertThat(Cells.yesNo("Y", NO_DISTURB)).isEqualTo(1);
        assertThat(Cells.yesNo(null, NO_DISTURB)).isNull();
        assertThatThrownBy(() -> Cells.yesNo("也许", NO_DISTURB)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.field()).isEqualTo("noDisturb"));
        assertThat(Cells.choice("微信", CustomerImportWriter.PREFS, PREF)).isEqualTo("WECHAT");
        assertThat(Cells.choice("sms", CustomerImportWriter.PREFS, PREF)).isEqualTo("SMS");
        assertThatThrownBy(() -> Cells.choice("邮件", CustomerImportWriter.PREFS, PREF))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("联系偏好“邮件”不正确，可选：电话/短信/微信/不联系"));
    }

    @Test
    void householdRowsBecomeRecordsAndMaskedValuesMeanKeep() {
        ImportKind k = ImportKind.HOUSEHOLD;
        String[] v = new String[k.columns().size()];
        v[k.indexOf("householdCode")] = "HH1";
        v[k.indexOf("unitCode")] = "DY1";
        v[k.indexOf("roomNo")] = "501";
        v[k.indexOf("area")] = "88.25";
        v[k.indexOf("arrears")] = "0";
        v[k.indexOf("ownerIdNumber")] = "1101**********1234";
        v[k.indexOf("phones")] = "138****5678, 13900001111";
        HouseholdRecord r = HouseholdRowImporter.toRecord(new SourceRow(2, v, List.of(), false));
        assertThat(r.householdCode()).isEqualTo("HH1");
        assertThat(r.area()).isEqualByComparingTo(new BigDecimal("88.25"));
        assertThat(r.ownerIdNumber()).isNull();
        assertThat(r.phones()).containsExactly("13900001111");

        v[k.indexOf("area")] = "大约90";
        assertThatThrownBy(() -> HouseholdRowImporter.toRecord(new SourceRow(2, v, List.of(), false)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(k.titleOf(e.field())).isEqualTo("建筑面积"));
        assertThat(HouseholdRowImporter.phones("138****5678")).isNull();
        assertThat(HouseholdRowImporter.phones(null)).isNull();
        assertThat(HouseholdRowImporter.phones("13800138000/13900139000")).containsExactly("13800138000/13900139000");
    }

    @Test
    void writerFieldNamesMapToColumnTitles() {
        assertThat(ImportKind.HOUSEHOLD.titleOf("heatingStatus")).isEqualTo("供热状态");
        assertThat(ImportKind.HOUSEHOLD.titleOf("phones")).isEqualTo("联系电话");
        assertThat(ImportKind.HOUSEHOLD.titleOf("unitId")).isEqualTo("单元编码");
        assertThat(ImportKind.NODE.titleOf("parentId")).isEqualTo("上级节点编码");
        assertThat(ImportKind.NODE.titleOf("orgId")).isEqualTo("所属分公司编码");
        assertThat(ImportKind.CUSTOMER.titleOf("idNumber")).isEqualTo("证件号码");
        assertThat(ImportKind.CUSTOMER.titleOf(null)).isNull();
        assertThat(ImportKind.parse("household")).contains(ImportKind.HOUSEHOLD);
        assertThat(ImportKind.parse("热用户")).contains(ImportKind.CUSTOMER);
        assertThatThrownBy(() -> ImportKind.require("PAYMENT")).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.field()).isEqualTo("kind"));
    }
}
