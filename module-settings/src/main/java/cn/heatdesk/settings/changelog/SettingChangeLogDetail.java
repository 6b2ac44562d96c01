package cn.heatdesk.settings.changelog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry with both snapshots, and whether it can be rolled back now.
 *
 * @param rollbackBlockedReason why {@code rollbackAllowed} is false (Chinese), null when allowed
 */
public record SettingChangeLogDetail(SettingChangeLogView entry, JsonNode before, JsonNode after,
                                     boolean rollbackAllowed, String rollbackBlockedReason) {
}
