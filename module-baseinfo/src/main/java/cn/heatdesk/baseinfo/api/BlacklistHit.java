package cn.heatdesk.baseinfo.api;

import java.time.LocalDateTime;

/** An active blacklist entry matching a number. */
public record BlacklistHit(Long id, String phone, String reason, LocalDateTime expiresAt, LocalDateTime createdAt,
                           String createdByName) {
}
