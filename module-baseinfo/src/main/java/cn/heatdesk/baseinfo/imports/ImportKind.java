package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.error.BizException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an import job (or export) carries, with its fixed Excel layout. The export writes exactly these columns,
 * so an exported file can be imported again.
 */
public enum ImportKind {

    NODE("楼宇信息", List.of(
            ImportColumn.req("节点编码", "nodeCode", "GS01", "本分公司内唯一；字母、数字、下划线、点或短横线，不超过64位"),
            ImportColumn.req("节点名称", "nodeName", "城北供热公司", "不超过100个字，不能包含“/”"),
            ImportColumn.req("节点类型", "nodeType", "公司", "公司/热源/热站/小区/楼栋/单元，上级必须是上一层级"),
            ImportColumn.opt("上级节点编码", "parentCode", "", "公司行不填；其他行填上级节点的编码（上级须在本行之前或已存在）"),
            ImportColumn.opt("所属分公司编码", "subsidiaryCode", "SUB01", "公司行必填，须为导入目标分公司的机构编码"),
            ImportColumn.opt("排序", "sortNo", "1", "整数，越小越靠前"),
            ImportColumn.opt("地址", "address", "北京路1号", "不超过255个字"),
            ImportColumn.opt("外部编号", "externalId", "", "计费或热网系统中的编号，不超过64位")),
            "nodeCode",
            Map.of("parentId", "parentCode", "orgId", "subsidiaryCode", "code", "nodeCode", "name", "nodeName")),

    HOUSEHOLD("房屋信息", List.of(
            ImportColumn.req("房屋编码", "householdCode", "HH0001", "计费系统的房屋编码，本分公司内唯一；重复导入按此编码更新"),
            ImportColumn.req("单元编码", "unitCode", "DY01", "房屋所在单元的节点编码（须已在楼宇信息中）"),
            ImportColumn.opt("楼层", "floorNo", "5", "不超过16个字"),
            ImportColumn.req("房号", "roomNo", "501", "不超过32个字"),
            ImportColumn.opt("建筑面积", "area", "89.5", "平方米，大于0"),
            ImportColumn.opt("供热状态", "heatingStatus", "供热", "供热/报停/停供，不填时新房屋为供热"),
            ImportColumn.opt("欠费金额", "arrears", "0", "元"),
            ImportColumn.opt("客户编号", "customerCode", "", "不填时以房屋编码作为客户编号"),
            ImportColumn.opt("户主姓名", "ownerName", "张三", "新客户必填"),
            ImportColumn.opt("证件号码", "ownerIdNumber", "", "18位身份证号或统一社会信用代码"),
            ImportColumn.opt("联系电话", "phones", "13800138000", "多个号码用逗号、分号、斜杠或顿号分隔；只新增不删除"),
            ImportColumn.opt("热表号", "meterNo", "", "不超过64位"),
            ImportColumn.opt("阀门号", "valveNo", "", "不超过64位"),
            ImportColumn.opt("标签", "tags", "", "不超过200个字"),
            ImportColumn.opt("备注", "remark", "", "不超过500个字")),
            "householdCode",
            Map.of("unitId", "unitCode", "code", "householdCode")),

    CUSTOMER("热用户", List.of(
            ImportColumn.req("客户编号", "customerCode", "KH0001", "本分公司内唯一；重复导入按此编号更新"),
            ImportColumn.req("姓名", "customerName", "张三", "不超过64个字"),
            ImportColumn.opt("客户类型", "customerType", "居民", "居民/单位，不填时新客户为居民"),
            ImportColumn.opt("证件号码", "idNumber", "", "18位身份证号或统一社会信用代码"),
            ImportColumn.opt("联系电话", "phones", "13800138000", "多个号码用逗号、分号、斜杠或顿号分隔；只新增不删除"),
            ImportColumn.opt("联系偏好", "contactPref", "电话", "电话/短信/微信/不联系，不填时新客户为电话"),
            ImportColumn.opt("联系时间", "contactTime", "工作日9:00-18:00", "不超过64个字"),
            ImportColumn.opt("免打扰", "noDisturb", "否", "是/否"),
            ImportColumn.opt("备注", "remark", "", "不超过500个字")),
            "customerCode",
            Map.of("code", "customerCode", "name", "customerName"));

    /** extra columns the failed-rows file appends; accepted (and ignored) when such a file is imported again */
    public static final String ERROR_FIELD_TITLE = "错误字段";
    public static final String ERROR_REASON_TITLE = "错误原因";

    private final String label;
    private final List<ImportColumn> columns;
    private final String codeKey;
    private final Map<String, String> fieldAliases;

    ImportKind(String label, List<ImportColumn> columns, String codeKey, Map<String, String> fieldAliases) {
        this.label = label;
        this.columns = columns;
        this.codeKey = codeKey;
        this.fieldAliases = fieldAliases;
    }

    public String label() {
        return label;
    }

    public List<ImportColumn> columns() {
        return columns;
    }

    public List<String> titles() {
        return columns.stream().map(ImportColumn::title).toList();
    }

    /** position of the column with this key in the layout, -1 when none */
    public int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** position of the code column (the upsert key, also used to find duplicates within a file) */
    public int codeIndex() {
        return indexOf(codeKey);
    }

    /**
     * The Chinese column title for a writer's field name (BizException.field, UpsertOutcome.field), so failed rows
     * name the column the user sees; unknown names are returned unchanged, null stays null.
     */
    public String titleOf(String field) {
        if (field == null) {
            return null;
        }
        String key = fieldAliases.getOrDefault(field, field);
        int i = indexOf(key);
        return i < 0 ? field : columns.get(i).title();
    }

    public static Optional<ImportKind> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String v = raw.strip();
        for (ImportKind k : values()) {
            if (k.name().equals(v.toUpperCase(Locale.ROOT)) || k.label.equals(v)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static ImportKind require(String raw) {
        return parse(raw).orElseThrow(() -> BizException.invalid("kind",
                "导入类型不正确，应为 NODE（楼宇信息）、HOUSEHOLD（房屋信息）或 CUSTOMER（热用户）"));
    }
}
