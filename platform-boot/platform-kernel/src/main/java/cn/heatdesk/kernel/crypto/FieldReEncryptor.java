package cn.heatdesk.kernel.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The re-encryption job after an SM4 key rotation: rewrites every value of the given columns that was encrypted
 * with an older key version, in batches (keyset paging on the id), each row updated only if it still holds the
 * value that was read (so concurrent edits are never overwritten). Idempotent; run it until it returns 0, then the
 * old key version can be removed from the configuration.
 * <pre>{@code
 * reEncryptor.reEncrypt("customer", "id", "phone_enc", "id_no_enc", "address_enc");
 * }</pre>
 */
@Component
public class FieldReEncryptor {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(FieldReEncryptor.class);

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    public FieldReEncryptor(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** @return number of column values rewritten */
    public long reEncrypt(String table, String idColumn, String... columns) {
        check(table);
        check(idColumn);
        if (columns.length == 0) {
            throw new IllegalArgumentException("no columns given");
        }
        for (String c : columns) {
            check(c);
        }
        String select = "SELECT " + idColumn + ", " + String.join(", ", columns) + " FROM " + table
                + " WHERE " + idColumn + " > ? ORDER BY " + idColumn + " LIMIT " + BATCH;
        long rewritten = 0;
        long lastId = Long.MIN_VALUE;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList(select, lastId);
            if (rows.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : rows) {
                long id = ((Number) row.get(idColumn)).longValue();
                lastId = id;
                for (String c : columns) {
                    Object v = row.get(c);
                    if (v instanceof String stored && cipher.needsReEncryption(stored)) {
                        rewritten += jdbc.update("UPDATE " + table + " SET " + c + " = ? WHERE " + idColumn + " = ? AND "
                                + c + " = ?", cipher.reEncrypt(stored), id, stored);
                    }
                }
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        log.info("re-encrypted {} values in {}({}) to SM4 key version {}", rewritten, table, String.join(", ", columns),
                cipher.currentKeyVersion());
        return rewritten;
    }

    /** Counts values in the columns that still use an older key version (for the rotation checklist). */
    public long countOutdated(String table, String... columns) {
        check(table);
        List<String> conditions = new ArrayList<>();
        for (String c : columns) {
            check(c);
            conditions.add(c + " IS NOT NULL AND " + c + " NOT LIKE '" + cipher.currentKeyVersion() + ":%'");
        }
        long n = 0;
        for (String condition : conditions) {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + condition, Long.class);
            n += count == null ? 0 : count;
        }
        return n;
    }

    private static void check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
    }
}
