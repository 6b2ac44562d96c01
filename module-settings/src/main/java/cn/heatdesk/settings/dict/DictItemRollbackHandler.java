package cn.heatdesk.settings.dict;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.RollbackHandler;
import cn.heatdesk.settings.api.SettingChangeRecorder;
import cn.heatdesk.settings.api.SettingChangeRestored;
import cn.heatdesk.settings.api.SettingChangeRollback;
import cn.heatdesk.settings.changelog.SettingChangeJson;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;

/** Restores a dictionary item from a change-log snapshot. */
@Component
public class DictItemRollbackHandler implements RollbackHandler {

    private final DictTypeMapper types;
    private final DictItemMapper items;

    public DictItemRollbackHandler(DictTypeMapper types, DictItemMapper items) {
        this.types = types;
        this.items = items;
    }

    @Override
    public String entityKind() {
        return SettingChangeRecorder.DICT_ITEM;
    }

    @Override
    public SettingChangeRestored restore(SettingChangeRollback rb) {
        DictItem target = SettingChangeJson.read(rb.targetJson(), DictItem.class);
        DictItem current = items.findById(rb.entityId());
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        if (target == null) {
            // undo a create
            if (current == null) {
                throw BizException.conflict("字典项已不存在，无需回滚");
            }
            if (current.isBuiltinItem()) {
                throw BizException.forbidden("内置字典项不能删除");
            }
            if (items.delete(current.getId(), current.getRowVersion()) == 0) {
                throw BizException.conflict(null);
            }
            return new SettingChangeRestored(label(current), current, null);
        }
        if (current == null) {
            // undo a delete: the same id again, under its type
            DictType type = types.findByCode(target.getTypeCode());
            if (type == null) {
                throw BizException.conflict("所属字典类型“" + target.getTypeCode() + "”已不存在，请先回滚该字典类型的删除");
            }
            if (items.findByCode(target.getTypeCode(), target.getItemCode()) != null) {
                throw new BizException(ErrorCode.DUPLICATE, "字典项编码“" + target.getItemCode() + "”已被使用，无法恢复");
            }
            target.setId(rb.entityId());
            target.setRowVersion(target.getRowVersion() == null ? 0 : target.getRowVersion() + 1);
            target.setUpdatedBy(user);
            target.setUpdatedAt(now);
            items.insert(target);
            DictItem after = items.findById(rb.entityId());
            return new SettingChangeRestored(DictService.itemLabel(type, after), null, after);
        }
        if (!current.getItemCode().equals(target.getItemCode()) || !current.getTypeCode().equals(target.getTypeCode())) {
            throw BizException.conflict("字典项编码已变化，无法回滚");
        }
        DictItem changed = current.copy();
        changed.setItemLabel(target.getItemLabel());
        changed.setSortNo(target.getSortNo());
        changed.setEnabled(target.getEnabled());
        changed.setTagColor(target.getTagColor());
        changed.setRemark(target.getRemark());
        changed.setUpdatedBy(user);
        changed.setUpdatedAt(now);
        if (items.update(changed) == 0) {
            throw BizException.conflict(null);
        }
        DictItem after = items.findById(rb.entityId());
        return new SettingChangeRestored(label(after), current, after);
    }

    private String label(DictItem item) {
        return DictService.itemLabel(types.findByCode(item.getTypeCode()), item);
    }
}
