package cn.heatdesk.settings.changelog;

import java.time.LocalDateTime;

/** A change-log entry in the list (no snapshots). */
public record SettingChangeLogView(Long id, String entityKind, String entityKindLabel, Long entityId, String entityLabel,
                                   String changeKind, String changeKindLabel, String reason, boolean rolledBack,
                                   Long rollbackOf, Long subsidiaryId, Long createdBy, String createdByName,
                                   LocalDateTime createdAt) {
}
