package cn.heatdesk.settings.api;

/**
 * A {@link RollbackHandler}'s result: the entity as it was found and as it is after the restore (null where the
 * entity does not exist), logged as the ROLLBACK entry's before / after.
 *
 * @param entityLabel label for the ROLLBACK entry; null keeps the rolled-back entry's label
 */
public record SettingChangeRestored(String entityLabel, Object before, Object after) {
}
