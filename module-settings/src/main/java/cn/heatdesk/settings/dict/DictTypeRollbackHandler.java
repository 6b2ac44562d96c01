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

/** Restores a dictionary type from a change-log snapshot. */
@Component
public class DictTypeRollbackHandler implements RollbackHandler {

    private final DictTypeMapper types;
    private final DictItemMapper items;

    public DictTypeRollbackHandler(DictTypeMapper types, DictItemMapper items) {
        this.types = types;
        this.items = items;
    }

    @Override
    public String entityKind() {
        return SettingChangeRecorder.DICT_TYPE;
    }

    @Override
    public SettingChangeRestored restore(SettingChangeRollback rb) {
        DictType target = SettingChangeJson.read(rb.targetJson(), DictType.class);
        DictType current = types.findById(rb.entityId());
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        if (target == null) {
            // undo a create
            if (current == null) {
                throw BizException.conflict("字典类型已不存在，无需回滚");
            }
            int n = items.countByType(current.getTypeCode());
            if (n > 0) {
                throw BizException.conflict("字典类型“" + current.getTypeName() + "”下已有 " + n + " 个字典项，请先删除或回滚这些字典项");
            }
            if (types.delete(current.getId(), current.getRowVersion()) == 0) {
                throw BizException.conflict(null);
            }
            return new SettingChangeRestored(current.label(), current, null);
        }
        if (current == null) {
            // undo a delete: the same id again
            if (types.findByCode(target.getTypeCode()) != null) {
                throw new BizException(ErrorCode.DUPLICATE, "字典编码“" + target.getTypeCode() + "”已被其他字典类型使用，无法恢复");
            }
            target.setId(rb.entityId());
            target.setRowVersion(target.getRowVersion() == null ? 0 : target.getRowVersion() + 1);
            target.setUpdatedBy(user);
            target.setUpdatedAt(now);
            types.insert(target);
            DictType after = types.findById(rb.entityId());
            return new SettingChangeRestored(after.label(), null, after);
        }
        if (!current.getTypeCode().equals(target.getTypeCode())) {
            throw BizException.conflict("字典编码已变化，无法回滚");
        }
        DictType changed = current.copy();
        changed.setTypeName(target.getTypeName());
        changed.setEnabled(target.getEnabled());
        changed.setRemark(target.getRemark());
        changed.setUpdatedBy(user);
        changed.setUpdatedAt(now);
        if (types.update(changed) == 0) {
            throw BizException.conflict(null);
        }
        DictType after = types.findById(rb.entityId());
        return new SettingChangeRestored(after.label(), current, after);
    }
}
