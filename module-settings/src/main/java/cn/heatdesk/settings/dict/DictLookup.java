package cn.heatdesk.settings.dict;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.settings.api.DictItemOption;
import cn.heatdesk.settings.api.DictionaryApi;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link DictionaryApi} for other modules and the drop-down endpoint. No cache on purpose: the lookups are by
 * unique key on small tables, and reading the database every time keeps all instances consistent at once.
 */
@Service
public class DictLookup implements DictionaryApi {

    private final DictTypeMapper types;
    private final DictItemMapper items;

    public DictLookup(DictTypeMapper types, DictItemMapper items) {
        this.types = types;
        this.items = items;
    }

    @Override
    public List<DictItemOption> items(String typeCode) {
        if (typeCode == null || typeCode.isBlank()) {
            return List.of();
        }
        return items.listEnabled(typeCode.trim()).stream()
                .map(i -> new DictItemOption(i.getItemCode(), i.getItemLabel(), i.getSortNo() == null ? 0 : i.getSortNo(), i.getTagColor()))
                .toList();
    }

    @Override
    public String label(String typeCode, String itemCode) {
        if (itemCode == null) {
            return null;
        }
        if (typeCode == null) {
            return itemCode;
        }
        DictItem i = items.findByCode(typeCode, itemCode);
        return i == null ? itemCode : i.getItemLabel();
    }

    @Override
    public Map<String, String> labels(String typeCode) {
        Map<String, String> m = new LinkedHashMap<>();
        if (typeCode != null) {
            for (DictItem i : items.listByType(typeCode)) {
                m.put(i.getItemCode(), i.getItemLabel());
            }
        }
        return m;
    }

    @Override
    public String requireValid(String typeCode, String itemCode, String fieldName) {
        DictType type = typeCode == null ? null : types.findByCode(typeCode);
        String what = type == null ? fieldName : type.getTypeName();
        if (itemCode == null || itemCode.isBlank()) {
            throw BizException.invalid(fieldName, "请选择" + what);
        }
        if (type == null) {
            throw BizException.invalid(fieldName, "字段“" + fieldName + "”所用的字典“" + typeCode + "”不存在");
        }
        if (!type.isEnabledType()) {
            throw BizException.invalid(fieldName, what + "字典已停用，不能选择“" + itemCode + "”");
        }
        DictItem i = items.findByCode(typeCode, itemCode);
        if (i == null) {
            throw BizException.invalid(fieldName, what + "“" + itemCode + "”不存在，请从下拉列表中选择");
        }
        if (!i.isEnabledItem()) {
            throw BizException.invalid(fieldName, what + "“" + i.getItemLabel() + "”已停用，请重新选择");
        }
        return i.getItemLabel();
    }
}
