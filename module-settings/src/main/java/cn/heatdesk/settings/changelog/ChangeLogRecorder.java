package cn.heatdesk.settings.changelog;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.SettingChangeKind;
import cn.heatdesk.settings.api.SettingChangeRecorder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.Optional;

/** The {@link SettingChangeRecorder}: one row in setting_change_log per change, in the caller's transaction. */
@Component
public class ChangeLogRecorder implements SettingChangeRecorder {

    static final int MAX_LABEL = 255;
    static final int MAX_REASON = 500;
    static final int MAX_NAME = 64;

    private final SettingChangeLogMapper mapper;
    private final IdGenerator ids;

    public ChangeLogRecorder(SettingChangeLogMapper mapper, IdGenerator ids) {
        this.mapper = mapper;
        this.ids = ids;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(String entityKind, long entityId, String entityLabel, SettingChangeKind changeKind,
                       Object before, Object after, String reason) {
        if (changeKind == null || changeKind == SettingChangeKind.ROLLBACK) {
            throw new IllegalArgumentException("changeKind must be CREATE/UPDATE/DELETE/ENABLE/DISABLE, not " + changeKind);
        }
        if (changeKind == SettingChangeKind.CREATE && before != null || changeKind == SettingChangeKind.DELETE && after != null) {
            throw new IllegalArgumentException(changeKind + " takes " + (changeKind == SettingChangeKind.CREATE ? "no before" : "no after"));
        }
        if (changeKind != SettingChangeKind.CREATE && before == null || changeKind != SettingChangeKind.DELETE && after == null) {
            throw new IllegalArgumentException(changeKind + " needs the " + (before == null ? "before" : "after") + " snapshot");
        }
        return insert(entityKind, entityId, entityLabel, changeKind, SettingChangeJson.write(before),
                SettingChangeJson.write(after), reason, null);
    }

    /** The ROLLBACK entry of a rollback; called by the change log itself. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long recordRollback(String entityKind, long entityId, String entityLabel, Object before, Object after,
                               String reason, long rollbackOf) {
        return insert(entityKind, entityId, entityLabel, SettingChangeKind.ROLLBACK, SettingChangeJson.write(before),
                SettingChangeJson.write(after), reason, rollbackOf);
    }

    private long insert(String entityKind, long entityId, String entityLabel, SettingChangeKind changeKind,
                        String beforeJson, String afterJson, String reason, Long rollbackOf) {
        if (entityKind == null || entityKind.isBlank() || entityKind.length() > 32) {
            throw new IllegalArgumentException("entityKind must be 1..32 characters: " + entityKind);
        }
        String r = reason == null || reason.isBlank() ? null : reason.trim();
        if (r != null && r.length() > MAX_REASON) {
            throw BizException.invalid("reason", "变更原因不能超过" + MAX_REASON + "个字符");
        }
        Optional<CurrentUser> user = SecurityContext.current();
        SettingChangeLog log = new SettingChangeLog();
        log.setId(ids.nextId());
        log.setEntityKind(entityKind);
        log.setEntityId(entityId);
        log.setEntityLabel(truncate(entityLabel, MAX_LABEL));
        log.setChangeKind(changeKind.name());
        log.setBeforeJson(beforeJson);
        log.setAfterJson(afterJson);
        log.setReason(r);
        log.setRolledBack(0);
        log.setRollbackOf(rollbackOf);
        log.setSubsidiaryId(user.map(CurrentUser::subsidiaryId).orElse(null));
        log.setOrgPath(user.map(CurrentUser::orgPath).filter(p -> !p.isBlank()).orElse("/"));
        log.setCreatedBy(SecurityContext.userIdOrSystem());
        log.setCreatedByName(truncate(user.map(ChangeLogRecorder::displayName).orElse("系统"), MAX_NAME));
        log.setCreatedAt(LocalDateTime.now());
        mapper.insert(log);
        return log.getId();
    }

    private static String displayName(CurrentUser u) {
        return u.realName() == null || u.realName().isBlank() ? u.username() : u.realName();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
