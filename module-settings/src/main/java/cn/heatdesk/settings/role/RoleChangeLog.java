package cn.heatdesk.settings.role;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.RollbackHandler;
import cn.heatdesk.settings.api.SettingChangeKind;
import cn.heatdesk.settings.api.SettingChangeRecorder;
import cn.heatdesk.settings.api.SettingChangeRestored;
import cn.heatdesk.settings.api.SettingChangeRollback;
import cn.heatdesk.settings.auth.SessionRefresher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;

/** Logs role changes in the settings change log and restores roles when a change is rolled back. */
@Component
public class RoleChangeLog implements RollbackHandler {

    private final SettingChangeRecorder recorder;
    private final RoleMapper mapper;
    private final SessionRefresher sessions;
    private final ObjectMapper json;

    public RoleChangeLog(SettingChangeRecorder recorder, RoleMapper mapper, SessionRefresher sessions, ObjectMapper json) {
        this.recorder = recorder;
        this.mapper = mapper;
        this.sessions = sessions;
        this.json = json;
    }

    void created(RoleDetail after) {
        recorder.record(SettingChangeRecorder.ROLE, after.role().getId(), label(after), SettingChangeKind.CREATE,
                null, after, null);
    }

    void updated(RoleDetail before, RoleDetail after) {
        recorder.record(SettingChangeRecorder.ROLE, after.role().getId(), label(after), SettingChangeKind.UPDATE,
                before, after, null);
    }

    void deleted(RoleDetail before) {
        recorder.record(SettingChangeRecorder.ROLE, before.role().getId(), label(before), SettingChangeKind.DELETE,
                before, null, null);
    }

    @Override
    public String entityKind() {
        return SettingChangeRecorder.ROLE;
    }

    @Override
    public SettingChangeRestored restore(SettingChangeRollback rollback) {
        RoleDetail current = load(rollback.entityId());
        RoleDetail target = rollback.targetJson() == null ? null : parse(rollback.targetJson());
        if (target == null) {
            if (current != null) {
                if (mapper.countUsers(rollback.entityId()) > 0) {
                    throw BizException.invalid("id", "该角色已分配给用户，不能回滚其创建");
                }
                mapper.deletePermissions(rollback.entityId());
                mapper.deleteDataOrgs(rollback.entityId());
                mapper.delete(rollback.entityId());
            }
            return new SettingChangeRestored(null, current, null);
        }
        SysRole r = target.role();
        if (current == null) {
            if (mapper.selectByCode(r.getRoleCode()) != null) {
                throw BizException.invalid("roleCode", "角色编码“" + r.getRoleCode() + "”已被其他角色使用，不能恢复");
            }
            mapper.insert(r);
        } else {
            r.setRowVersion(current.role().getRowVersion());
            r.setUpdatedBy(SecurityContext.userIdOrSystem());
            r.setUpdatedAt(LocalDateTime.now());
            mapper.update(r);
        }
        mapper.deletePermissions(r.getId());
        target.permissions().forEach(p -> mapper.insertPermission(r.getId(), p));
        mapper.deleteDataOrgs(r.getId());
        target.customOrgIds().forEach(o -> mapper.insertDataOrg(r.getId(), o));
        sessions.refreshUsers(mapper.selectUserIds(r.getId()));
        RoleDetail restored = load(r.getId());
        return new SettingChangeRestored(label(restored), current, restored);
    }

    private RoleDetail load(long id) {
        SysRole r = mapper.selectByIdUnscoped(id);
        return r == null ? null : new RoleDetail(r, mapper.selectPermissions(id), mapper.selectDataOrgs(id));
    }

    private RoleDetail parse(String s) {
        try {
            return json.readValue(s, RoleDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable role snapshot in change log", e);
        }
    }

    private static String label(RoleDetail d) {
        return d.role().getRoleName() + "（" + d.role().getRoleCode() + "）";
    }
}
