package cn.heatdesk.settings.param;

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

/** Restores a system parameter (value and definition) from a change-log snapshot. */
@Component
public class ParamRollbackHandler implements RollbackHandler {

    private final ParamMapper mapper;

    public ParamRollbackHandler(ParamMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String entityKind() {
        return SettingChangeRecorder.SYS_PARAM;
    }

    @Override
    public SettingChangeRestored restore(SettingChangeRollback rb) {
        SysParam target = SettingChangeJson.read(rb.targetJson(), SysParam.class);
        SysParam current = mapper.findById(rb.entityId());
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        if (target == null) {
            // undo a create
            if (current == null) {
                throw BizException.conflict("系统参数已不存在，无需回滚");
            }
            if (current.isBuiltinParam()) {
                throw BizException.forbidden("内置参数不能删除");
            }
            if (mapper.delete(current.getId(), current.getRowVersion()) == 0) {
                throw BizException.conflict(null);
            }
            return new SettingChangeRestored(current.label(), current, null);
        }
        if (current == null) {
            // undo a delete: the same id again
            if (mapper.findByKey(target.getParamKey()) != null) {
                throw new BizException(ErrorCode.DUPLICATE, "参数键“" + target.getParamKey() + "”已被其他参数使用，无法恢复");
            }
            target.setId(rb.entityId());
            target.setRowVersion(target.getRowVersion() == null ? 0 : target.getRowVersion() + 1);
            target.setUpdatedBy(user);
            target.setUpdatedAt(now);
            mapper.insert(target);
            SysParam after = mapper.findById(rb.entityId());
            return new SettingChangeRestored(after.label(), null, after);
        }
        if (!current.getParamKey().equals(target.getParamKey())) {
            throw BizException.conflict("参数键已变化，无法回滚");
        }
        SysParam changed = current.copy();
        changed.setParamName(target.getParamName());
        changed.setParamValue(target.getParamValue());
        changed.setValueKind(target.getValueKind());
        changed.setMinValue(target.getMinValue());
        changed.setMaxValue(target.getMaxValue());
        changed.setParamGroup(target.getParamGroup());
        changed.setRemark(target.getRemark());
        changed.setUpdatedBy(user);
        changed.setUpdatedAt(now);
        if (mapper.update(changed) == 0) {
            throw BizException.conflict(null);
        }
        SysParam after = mapper.findById(rb.entityId());
        return new SettingChangeRestored(after.label(), current, after);
    }
}
