package cn.heatdesk.kernel.signing;

import cn.heatdesk.kernel.routing.SharedDatabase;
import cn.heatdesk.kernel.id.IdGenerator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Remembers used nonces in {@code api_nonce}. The unique key (app_key, nonce) makes the check atomic across
 * instances: the second insert of the same nonce fails.
 */
@SharedDatabase
@Component
public class NonceStore {

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;

    public NonceStore(JdbcTemplate jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** @return true when the nonce was unused (and is now used), false for a replay */
    public boolean tryUse(String appKey, String nonce, Instant expiresAt) {
        try {
            jdbc.update("INSERT INTO api_nonce (id, app_key, nonce, expires_at) VALUES (?, ?, ?, ?)",
                    ids.nextId(), appKey, nonce, Timestamp.valueOf(LocalDateTime.ofInstant(expiresAt, ZoneId.systemDefault())));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Deletes nonces that expired before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        return jdbc.update("DELETE FROM api_nonce WHERE expires_at < ?",
                Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneId.systemDefault())));
    }
}
