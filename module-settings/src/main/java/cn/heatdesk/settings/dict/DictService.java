package cn.heatdesk.settings.dict;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.SettingChangeKind;
import cn.heatdesk.settings.api.SettingChangeRecorder;
import cn.heatdesk.settings.changelog.SqlLike;
import cn.heatdesk.settings.dict.DictViews.ItemView;
import cn.heatdesk.settings.dict.DictViews.TypeView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 字典管理: types and their items. Codes never change once created (stored records refer to them); every write is
 * optimistic-locked on row_version and logged through {@link SettingChangeRecorder} in the same transaction.
 */
@Service
@Transactional
public class DictService {

    static final Pattern CODE = Pattern.compile(DictRequests.CODE_REGEX);
    static final Pattern COLOR = Pattern.compile(DictRequests.COLOR_REGEX);
    static final Map<String, String> TYPE_SORTS = Map.of(
            "typeCode", "t.type_code",
            "typeName", "t.type_name",
            "createdAt", "t.created_at",
            "updatedAt", "t.updated_at");
    static final String TYPE_DEFAULT_SORT = "t.builtin DESC, t.type_code";

    private final DictTypeMapper types;
    private final DictItemMapper items;
    private final IdGenerator ids;
    private final SettingChangeRecorder recorder;
    private final DictLookup lookup;

    public DictService(DictTypeMapper types, DictItemMapper items, IdGenerator ids, SettingChangeRecorder recorder,
                       DictLookup lookup) {
        this.lookup = lookup;
        this.types = types;
        this.items = items;
        this.ids = ids;
        this.recorder = recorder;
    }

    // ---- types -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<TypeView> listTypes(String keyword, Boolean enabled, PageQuery page) {
        String orderBy = page.orderBy(TYPE_SORTS, TYPE_DEFAULT_SORT);
        Integer en = enabled == null ? null : (enabled ? 1 : 0);
        return Paging.page(page, () -> types.list(SqlLike.contains(keyword), en, orderBy))
                .map(r -> TypeView.of(r, r.getItemCount()));
    }

    @Transactional(readOnly = true)
    public TypeView getType(long id) {
        DictType t = requireType(id);
        return TypeView.of(t, items.countByType(t.getTypeCode()));
    }

    public TypeView createType(DictRequests.CreateType r) {
        lookup.evictAfterCommit();
        String code = requireCode(r.typeCode(), "typeCode", "字典编码");
        String name = requireText(r.typeName(), 64, "typeName", "字典名称");
        if (types.findByCode(code) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "字典编码“" + code + "”已存在", "typeCode");
        }
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        DictType t = new DictType();
        t.setId(ids.nextId());
        t.setTypeCode(code);
        t.setTypeName(name);
        t.setBuiltin(0);
        t.setEnabled(r.enabled() == null || r.enabled() ? 1 : 0);
        t.setRemark(optionalText(r.remark(), 255, "remark", "备注"));
        t.setRowVersion(0);
        t.setCreatedBy(user);
        t.setCreatedAt(now);
        t.setUpdatedBy(user);
        t.setUpdatedAt(now);
        types.insert(t);
        DictType after = types.findById(t.getId());
        recorder.record(SettingChangeRecorder.DICT_TYPE, t.getId(), after.label(), SettingChangeKind.CREATE, null, after, r.reason());
        return TypeView.of(after, 0);
    }

    public TypeView updateType(long id, DictRequests.UpdateType r) {
        lookup.evictAfterCommit();
        DictType before = requireType(id);
        checkVersion(before.getRowVersion(), r.rowVersion());
        DictType changed = before.copy();
        changed.setTypeName(requireText(r.typeName(), 64, "typeName", "字典名称"));
        changed.setRemark(optionalText(r.remark(), 255, "remark", "备注"));
        DictType after = writeType(changed);
        recorder.record(SettingChangeRecorder.DICT_TYPE, id, after.label(), SettingChangeKind.UPDATE, before, after, r.reason());
        return TypeView.of(after, items.countByType(after.getTypeCode()));
    }

    public TypeView setTypeEnabled(long id, boolean enabled, DictRequests.State s) {
        lookup.evictAfterCommit();
        DictType before = requireType(id);
        checkVersion(before.getRowVersion(), s.rowVersion());
        if (!enabled && before.isBuiltinType()) {
            throw BizException.forbidden("内置字典类型“" + before.getTypeName() + "”不能停用，其他功能依赖它");
        }
        if (before.isEnabledType() == enabled) {
            return TypeView.of(before, items.countByType(before.getTypeCode()));
        }
        DictType changed = before.copy();
        changed.setEnabled(enabled ? 1 : 0);
        DictType after = writeType(changed);
        recorder.record(SettingChangeRecorder.DICT_TYPE, id, after.label(),
                enabled ? SettingChangeKind.ENABLE : SettingChangeKind.DISABLE, before, after, s.reason());
        return TypeView.of(after, items.countByType(after.getTypeCode()));
    }

    public void deleteType(long id, DictRequests.State s) {
        lookup.evictAfterCommit();
        DictType before = requireType(id);
        checkVersion(before.getRowVersion(), s.rowVersion());
        if (before.isBuiltinType()) {
            throw BizException.forbidden("内置字典类型“" + before.getTypeName() + "”不能删除");
        }
        int n = items.countByType(before.getTypeCode());
        if (n > 0) {
            throw new BizException(ErrorCode.CONFLICT, "字典类型“" + before.getTypeName() + "”下还有 " + n + " 个字典项，请先删除字典项");
        }
        if (types.delete(id, before.getRowVersion()) == 0) {
            throw BizException.conflict(null);
        }
        recorder.record(SettingChangeRecorder.DICT_TYPE, id, before.label(), SettingChangeKind.DELETE, before, null, s.reason());
    }

    // ---- items -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ItemView> listItems(long typeId) {
        DictType t = requireType(typeId);
        return items.listByType(t.getTypeCode()).stream().map(ItemView::of).toList();
    }

    @Transactional(readOnly = true)
    public ItemView getItem(long id) {
        return ItemView.of(requireItem(id));
    }

    public ItemView createItem(DictRequests.CreateItem r) {
        lookup.evictAfterCommit();
        if (r.typeCode() == null || r.typeCode().isBlank()) {
            throw BizException.invalid("typeCode", "字典编码不能为空");
        }
        DictType type = types.findByCode(r.typeCode().trim());
        if (type == null) {
            throw BizException.notFound("字典类型“" + r.typeCode().trim() + "”");
        }
        String code = requireCode(r.itemCode(), "itemCode", "字典项编码");
        if (items.findByCode(type.getTypeCode(), code) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "字典项编码“" + code + "”在“" + type.getTypeName() + "”中已存在", "itemCode");
        }
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        DictItem i = new DictItem();
        i.setId(ids.nextId());
        i.setTypeCode(type.getTypeCode());
        i.setItemCode(code);
        i.setItemLabel(requireText(r.itemLabel(), 128, "itemLabel", "字典项名称"));
        i.setSortNo(sortNo(r.sortNo()));
        i.setBuiltin(0);
        i.setEnabled(r.enabled() == null || r.enabled() ? 1 : 0);
        i.setTagColor(color(r.tagColor()));
        i.setRemark(optionalText(r.remark(), 255, "remark", "备注"));
        i.setRowVersion(0);
        i.setCreatedBy(user);
        i.setCreatedAt(now);
        i.setUpdatedBy(user);
        i.setUpdatedAt(now);
        items.insert(i);
        DictItem after = items.findById(i.getId());
        recorder.record(SettingChangeRecorder.DICT_ITEM, i.getId(), itemLabel(type, after), SettingChangeKind.CREATE, null, after, r.reason());
        return ItemView.of(after);
    }

    public ItemView updateItem(long id, DictRequests.UpdateItem r) {
        lookup.evictAfterCommit();
        DictItem before = requireItem(id);
        checkVersion(before.getRowVersion(), r.rowVersion());
        DictItem changed = before.copy();
        changed.setItemLabel(requireText(r.itemLabel(), 128, "itemLabel", "字典项名称"));
        changed.setSortNo(r.sortNo() == null ? before.getSortNo() : sortNo(r.sortNo()));
        changed.setTagColor(color(r.tagColor()));
        changed.setRemark(optionalText(r.remark(), 255, "remark", "备注"));
        DictItem after = writeItem(changed);
        recorder.record(SettingChangeRecorder.DICT_ITEM, id, itemLabel(types.findByCode(after.getTypeCode()), after),
                SettingChangeKind.UPDATE, before, after, r.reason());
        return ItemView.of(after);
    }

    public ItemView setItemEnabled(long id, boolean enabled, DictRequests.State s) {
        lookup.evictAfterCommit();
        DictItem before = requireItem(id);
        checkVersion(before.getRowVersion(), s.rowVersion());
        if (before.isEnabledItem() == enabled) {
            return ItemView.of(before);
        }
        DictItem changed = before.copy();
        changed.setEnabled(enabled ? 1 : 0);
        DictItem after = writeItem(changed);
        recorder.record(SettingChangeRecorder.DICT_ITEM, id, itemLabel(types.findByCode(after.getTypeCode()), after),
                enabled ? SettingChangeKind.ENABLE : SettingChangeKind.DISABLE, before, after, s.reason());
        return ItemView.of(after);
    }

    public void deleteItem(long id, DictRequests.State s) {
        lookup.evictAfterCommit();
        DictItem before = requireItem(id);
        checkVersion(before.getRowVersion(), s.rowVersion());
        if (before.isBuiltinItem()) {
            throw BizException.forbidden("内置字典项“" + before.getItemLabel() + "”不能删除，如不再使用可以停用");
        }
        if (items.delete(id, before.getRowVersion()) == 0) {
            throw BizException.conflict(null);
        }
        recorder.record(SettingChangeRecorder.DICT_ITEM, id, itemLabel(types.findByCode(before.getTypeCode()), before),
                SettingChangeKind.DELETE, before, null, s.reason());
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static String itemLabel(DictType type, DictItem item) {
        String typeName = type == null ? item.getTypeCode() : type.getTypeName();
        return typeName + "/" + item.getItemLabel() + "（" + item.getItemCode() + "）";
    }

    private DictType writeType(DictType changed) {
        changed.setUpdatedBy(SecurityContext.userIdOrSystem());
        changed.setUpdatedAt(LocalDateTime.now());
        if (types.update(changed) == 0) {
            throw BizException.conflict(null);
        }
        return types.findById(changed.getId());
    }

    private DictItem writeItem(DictItem changed) {
        changed.setUpdatedBy(SecurityContext.userIdOrSystem());
        changed.setUpdatedAt(LocalDateTime.now());
        if (items.update(changed) == 0) {
            throw BizException.conflict(null);
        }
        return items.findById(changed.getId());
    }

    private DictType requireType(long id) {
        DictType t = types.findById(id);
        if (t == null) {
            throw BizException.notFound("字典类型");
        }
        return t;
    }

    private DictItem requireItem(long id) {
        DictItem i = items.findById(id);
        if (i == null) {
            throw BizException.notFound("字典项");
        }
        return i;
    }

    /** a stale edit form (older row_version) must not overwrite someone else's change */
    static void checkVersion(Integer current, Integer given) {
        if (given != null && !Objects.equals(current, given)) {
            throw BizException.conflict(null);
        }
    }

    static String requireCode(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw BizException.invalid(field, what + "不能为空");
        }
        String v = value.trim();
        if (!CODE.matcher(v).matches()) {
            throw BizException.invalid(field, what + "只能包含字母、数字、下划线和短横线，最长64个字符");
        }
        return v;
    }

    static String requireText(String value, int max, String field, String what) {
        if (value == null || value.isBlank()) {
            throw BizException.invalid(field, what + "不能为空");
        }
        String v = value.trim();
        if (v.length() > max) {
            throw BizException.invalid(field, what + "不能超过" + max + "个字符");
        }
        return v;
    }

    static String optionalText(String value, int max, String field, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw BizException.invalid(field, what + "不能超过" + max + "个字符");
        }
        return v;
    }

    private static int sortNo(Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > 999_999) {
            throw BizException.invalid("sortNo", "排序号必须在 0 到 999999 之间");
        }
        return value;
    }

    private static String color(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!COLOR.matcher(v).matches()) {
            throw BizException.invalid("tagColor", "标签颜色应为 #RRGGBB 或 primary/success/info/warning/danger");
        }
        return v;
    }
}
