package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderMappingTest {

    private static Map<Integer, String> cells(String... titles) {
        Map<Integer, String> m = new HashMap<>();
        for (int i = 0; i < titles.length; i++) {
            if (titles[i] != null) {
                m.put(i, titles[i]);
            }
        }
        return m;
    }

    @Test
    void theTemplateHeaderMapsEveryColumn() {
        HeaderMapping h = HeaderMapping.of(ImportKind.HOUSEHOLD, cells(ImportKind.HOUSEHOLD.titles().toArray(String[]::new)));
        for (ImportColumn c : ImportKind.HOUSEHOLD.columns()) {
            assertThat(h.has(c.key())).as(c.title()).isTrue();
        }
        assertThat(h.header()).containsExactlyElementsOf(ImportKind.HOUSEHOLD.titles());
    }

    @Test
    void columnsMayBeReorderedStarredHintedOrLeftOutWhenOptional() {
        HeaderMapping h = HeaderMapping.of(ImportKind.NODE, cells(" 节点类型（公司/热源/热站/小区/楼栋/单元）", "节点名称*",
                "*节点编码", "上级节点编码", null, "所属分公司编码(公司行必填)"));
        assertThat(h.has("nodeType")).isTrue();
        assertThat(h.has("address")).isFalse();
        SourceRow row = h.row(7, cells("小区", " 幸福家园 ", "XQ01", "RZ01", "ignored", ""));
        assertThat(row.rowNo()).isEqualTo(7);
        assertThat(row.get(ImportKind.NODE.indexOf("nodeCode"))).isEqualTo("XQ01");
        assertThat(row.get(ImportKind.NODE.indexOf("nodeName"))).isEqualTo("幸福家园");
        assertThat(row.get(ImportKind.NODE.indexOf("nodeType"))).isEqualTo("小区");
        assertThat(row.get(ImportKind.NODE.indexOf("subsidiaryCode"))).isNull();
        assertThat(row.get(ImportKind.NODE.indexOf("address"))).isNull();
        assertThat(row.raw()).containsExactly("小区", " 幸福家园 ", "XQ01", "RZ01", "ignored", "");
        assertThat(row.blank()).isFalse();
        assertThat(h.row(8, cells(null, " ", null)).blank()).isTrue();
    }

    @Test
    void aMissingRequiredColumnIsNamed() {
        assertThatThrownBy(() -> HeaderMapping.of(ImportKind.HOUSEHOLD, cells("房屋编号", "单元编码", "房号")))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).contains("房屋编号");
                });
        assertThatThrownBy(() -> HeaderMapping.of(ImportKind.HOUSEHOLD, cells("单元编码", "房号")))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).contains("缺少必填列“房屋编码”");
                });
        assertThatThrownBy(() -> HeaderMapping.of(ImportKind.CUSTOMER, cells("客户编号")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage()).contains("“姓名”"));
    }

    @Test
    void unknownAndDuplicateColumnsAndAMissingHeaderAreRefused() {
        assertThatThrownBy(() -> HeaderMapping.of(ImportKind.CUSTOMER, cells("客户编号", "姓名", "联系电话号码")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage()).contains("联系电话号码").contains("第C列"));
        assertThatThrownBy(() -> HeaderMapping.of(ImportKind.CUSTOMER, cells("客户编号", "姓名", "客户编号*")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage()).contains("重复"));
        assertThatThrownBy(() -> HeaderMapping.of(ImportKind.CUSTOMER, cells()))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage()).contains("表头"));
        // a household file uploaded as customers names what is missing
        assertThatThrownBy(() -> HeaderMapping.of(ImportKind.CUSTOMER,
                cells(ImportKind.HOUSEHOLD.titles().toArray(String[]::new))))
                .isInstanceOf(BizException.class);
    }

    @Test
    void theFailedRowsFileCanBeImportedAgain() {
        List<String> titles = new java.util.ArrayList<>(ImportKind.CUSTOMER.titles());
        titles.add("错误字段");
        titles.add("错误原因");
        HeaderMapping h = HeaderMapping.of(ImportKind.CUSTOMER, cells(titles.toArray(String[]::new)));
        assertThat(h.has("customerCode")).isTrue();
    }

    @Test
    void columnLetters() {
        assertThat(HeaderMapping.column(0)).isEqualTo("A");
        assertThat(HeaderMapping.column(25)).isEqualTo("Z");
        assertThat(HeaderMapping.column(26)).isEqualTo("AA");
        assertThat(HeaderMapping.column(27)).isEqualTo("AB");
    }
}
