package cn.heatdesk.settings.api;

/**
 * What a {@link RollbackHandler} is asked to undo.
 *
 * @param logId       the change-log entry being rolled back
 * @param changeKind  that entry's change kind
 * @param targetJson  the state to restore (the entry's "before"); null = the entity must not exist
 * @param undoneJson  the state the entry produced (its "after"); null = the entry deleted the entity
 * @param reason      the user's reason for the rollback
 */
public record SettingChangeRollback(long logId, String entityKind, long entityId, String entityLabel,
                                    SettingChangeKind changeKind, String targetJson, String undoneJson,
                                    String reason) {
}
