package cn.heatdesk.settings.api;

/**
 * Restores one kind of settings entity for a change-log rollback. Implementations are Spring beans; the
 * change log finds them by {@link #entityKind()} (one handler per kind).
 * <p>
 * {@link #restore} runs inside the rollback's transaction after the change log has checked that no newer change
 * of the entity is in effect. It must not call {@link SettingChangeRecorder}: the rollback itself is logged by the
 * caller from the returned snapshots. Throw a {@link cn.heatdesk.kernel.error.BizException} to refuse (e.g. the
 * row was changed without a log entry, a unique code is now taken); the whole rollback is then undone.
 */
public interface RollbackHandler {

    /** the entity kind this handler restores, as passed to {@link SettingChangeRecorder#record} */
    String entityKind();

    /**
     * Brings the entity to the state {@link SettingChangeRollback#targetJson()}: null = it must not exist
     * (delete it); otherwise re-create it with its id when it is absent, or write the target's fields onto the
     * current row (incrementing its row_version, so stale edit forms fail).
     *
     * @return the entity's state just before and just after the restore (null where it does not exist)
     */
    SettingChangeRestored restore(SettingChangeRollback rollback);
}
