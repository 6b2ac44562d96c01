package cn.heatdesk.settings.changelog;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.RollbackHandler;
import cn.heatdesk.settings.api.SettingChangeKind;
import cn.heatdesk.settings.api.SettingChangeRestored;
import cn.heatdesk.settings.api.SettingChangeRollback;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading the settings change log and rolling entries back. */
@Service
public class ChangeLogService {

    static final Map<String, String> SORTS = Map.of(
            "createdAt", "created_at",
            "entityKind", "entity_kind",
            "changeKind", "change_kind",
            "createdByName", "created_by_name");
    // snowflake ids grow with time and break ties within one second (MariaDB DATETIME has no fractions)
    static final String DEFAULT_SORT = "created_at DESC, id DESC";

    private final SettingChangeLogMapper mapper;
    private final ChangeLogRecorder recorder;
    private final Map<String, RollbackHandler> handlers = new HashMap<>();

    public ChangeLogService(SettingChangeLogMapper mapper, ChangeLogRecorder recorder,
                            ObjectProvider<RollbackHandler> handlers) {
        this.mapper = mapper;
        this.recorder = recorder;
        for (RollbackHandler h : handlers.orderedStream().toList()) {
            RollbackHandler clash = this.handlers.put(h.entityKind(), h);
            if (clash != null) {
                throw new IllegalStateException("two rollback handlers for " + h.entityKind() + ": "
                        + clash.getClass().getName() + ", " + h.getClass().getName());
            }
        }
    }

    @Transactional(readOnly = true)
    public PageResult<SettingChangeLogView> list(SettingChangeLogFilter filter, PageQuery page) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw BizException.invalid("from", "开始时间不能晚于结束时间");
        }
        String orderBy = page.orderBy(SORTS, DEFAULT_SORT);
        String order = orderBy.equals(DEFAULT_SORT) ? orderBy : orderBy + ", id DESC";
        return Paging.page(page, () -> mapper.list(filter, SqlLike.contains(filter.keyword()),
                SqlLike.contains(filter.user()), order)).map(ChangeLogService::view);
    }

    @Transactional(readOnly = true)
    public SettingChangeLogDetail detail(long id) {
        SettingChangeLog log = visible(id);
        RollbackPlanner.Decision d = plan(log);
        return new SettingChangeLogDetail(view(log), SettingChangeJson.tree(log.getBeforeJson()),
                SettingChangeJson.tree(log.getAfterJson()), d.allowed(), d.refusal());
    }

    /**
     * Restores the state before entry {@code id}, marks it rolled back and logs the rollback.
     *
     * @return the new ROLLBACK entry
     */
    @Transactional
    public SettingChangeLogView rollback(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BizException.invalid("reason", "回滚原因不能为空");
        }
        SettingChangeLog log = visible(id);
        RollbackPlanner.Decision d = plan(log);
        if (!d.allowed()) {
            throw new BizException(ErrorCode.CONFLICT, d.refusal(), null, d.blockingEntryId());
        }
        RollbackHandler handler = handlers.get(log.getEntityKind());
        if (handler == null) {
            throw new BizException(ErrorCode.BAD_REQUEST, "“" + SettingChangeEntityKinds.label(log.getEntityKind()) + "”的变更不支持回滚");
        }
        // claim the entry first: of two concurrent rollbacks only one passes this
        if (mapper.markRolledBack(id) == 0) {
            throw new BizException(ErrorCode.CONFLICT, "该变更已回滚过，不能重复回滚");
        }
        SettingChangeKind kind = SettingChangeKind.valueOf(log.getChangeKind());
        SettingChangeRestored restored = handler.restore(new SettingChangeRollback(log.getId(), log.getEntityKind(),
                log.getEntityId(), log.getEntityLabel(), kind, log.getBeforeJson(), log.getAfterJson(), reason.trim()));
        String label = restored.entityLabel() == null ? log.getEntityLabel() : restored.entityLabel();
        long newId = recorder.recordRollback(log.getEntityKind(), log.getEntityId(), label,
                restored.before(), restored.after(), reason, id);
        return view(mapper.findById(newId));
    }

    private SettingChangeLog visible(long id) {
        SettingChangeLog log = mapper.findVisible(id);
        if (log == null) {
            throw BizException.notFound("变更记录");
        }
        return log;
    }

    private RollbackPlanner.Decision plan(SettingChangeLog log) {
        List<RollbackPlanner.Entry> newer = mapper.listNewer(log.getEntityKind(), log.getEntityId(), log.getId())
                .stream().map(RollbackPlanner::entryOf).toList();
        RollbackPlanner.Decision d = RollbackPlanner.check(RollbackPlanner.entryOf(log), newer);
        if (d.allowed() && !handlers.containsKey(log.getEntityKind())) {
            return new RollbackPlanner.Decision(false, "“" + SettingChangeEntityKinds.label(log.getEntityKind()) + "”的变更不支持回滚", null);
        }
        return d;
    }

    static SettingChangeLogView view(SettingChangeLog l) {
        String kindLabel;
        try {
            kindLabel = SettingChangeKind.valueOf(l.getChangeKind()).label();
        } catch (IllegalArgumentException e) {
            kindLabel = l.getChangeKind();
        }
        return new SettingChangeLogView(l.getId(), l.getEntityKind(), SettingChangeEntityKinds.label(l.getEntityKind()),
                l.getEntityId(), l.getEntityLabel(), l.getChangeKind(), kindLabel, l.getReason(), l.wasRolledBack(),
                l.getRollbackOf(), l.getSubsidiaryId(), l.getCreatedBy(), l.getCreatedByName(), l.getCreatedAt());
    }
}
