package cn.heatdesk.settings.api;

/**
 * Writes the settings change log (变更记录). Every service that changes settings calls {@link #record} inside its
 * own transaction, after the write, so the change and its log entry commit or roll back together.
 * The acting user and their subsidiary / org path come from the security context (no user = system: id 0, path "/").
 * <p>
 * {@code before} and {@code after} are stored as JSON (Jackson; Long values as strings). Pass the complete row as it
 * was and as it is now (read back after the write, with its new row_version): a rollback restores from these
 * snapshots. Never pass secrets (password hashes, keys).
 */
public interface SettingChangeRecorder {

    String DICT_TYPE = "DICT_TYPE";
    String DICT_ITEM = "DICT_ITEM";
    String SYS_PARAM = "SYS_PARAM";
    String ROLE = "ROLE";

    /**
     * @param entityKind  e.g. {@link #DICT_TYPE}; rollback is dispatched to the {@link RollbackHandler} of this kind
     * @param entityLabel human-readable name shown in the log (truncated to 255 characters)
     * @param changeKind  CREATE (before null), DELETE (after null), UPDATE / ENABLE / DISABLE (both); not ROLLBACK
     * @param reason      optional, at most 500 characters
     * @return the id of the log entry
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    long record(String entityKind, long entityId, String entityLabel, SettingChangeKind changeKind,
                Object before, Object after, String reason);
}
