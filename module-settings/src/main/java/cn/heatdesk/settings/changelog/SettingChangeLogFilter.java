package cn.heatdesk.settings.changelog;

import java.time.LocalDateTime;

/**
 * List filters of the change log; all optional.
 *
 * @param keyword matches entity label, reason and operator name
 * @param user    matches the operator name
 * @param from    inclusive
 * @param to      exclusive
 */
public record SettingChangeLogFilter(String entityKind, Long entityId, String keyword, LocalDateTime from,
                                     LocalDateTime to, Long userId, String user) {
}
