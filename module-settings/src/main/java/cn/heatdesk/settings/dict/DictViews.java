package cn.heatdesk.settings.dict;

import java.time.LocalDateTime;

/** Response bodies of the dictionary endpoints. */
public final class DictViews {

    private DictViews() {
    }

    public record TypeView(Long id, String typeCode, String typeName, boolean builtin, boolean enabled, String remark,
                           Integer itemCount, int rowVersion, LocalDateTime createdAt, LocalDateTime updatedAt) {
        static TypeView of(DictType t, Integer itemCount) {
            return new TypeView(t.getId(), t.getTypeCode(), t.getTypeName(), t.isBuiltinType(), t.isEnabledType(),
                    t.getRemark(), itemCount, t.getRowVersion() == null ? 0 : t.getRowVersion(), t.getCreatedAt(), t.getUpdatedAt());
        }
    }

    public record ItemView(Long id, String typeCode, String itemCode, String itemLabel, int sortNo, boolean builtin,
                           boolean enabled, String tagColor, String remark, int rowVersion, LocalDateTime createdAt,
                           LocalDateTime updatedAt) {
        static ItemView of(DictItem i) {
            return new ItemView(i.getId(), i.getTypeCode(), i.getItemCode(), i.getItemLabel(),
                    i.getSortNo() == null ? 0 : i.getSortNo(), i.isBuiltinItem(), i.isEnabledItem(), i.getTagColor(),
                    i.getRemark(), i.getRowVersion() == null ? 0 : i.getRowVersion(), i.getCreatedAt(), i.getUpdatedAt());
        }
    }
}
