package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.routing.SharedDatabase;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Appends to and reads the SM3-chained audit log.
 *
 * <p>{@link #record} runs in its own transaction (REQUIRES_NEW), so an audit row survives the rollback of the
 * business transaction that failed. Writers serialise on the single row of {@code audit_chain_head}
 * ({@code SELECT ... FOR UPDATE}), which keeps the chain linear across several application instances.
 */
@SharedDatabase
@Service
public class AuditService {

    static final long HEAD_ID = 1L;
    static final int MAX_ATTEMPTS = 5;
    /** Column limits in UTF-8 bytes (DM counts VARCHAR length in bytes by default; bytes ≥ chars elsewhere). */
    static final int USERNAME_MAX = 128;
    static final int CLIENT_IP_MAX = 64;
    static final int ACTION_MAX = 255;
    static final int TARGET_MAX = 512;
    static final int ORG_PATH_MAX = 255;
    static final int DETAIL_MAX_CHARS = 16_000;

    static final String COLUMNS = "id, seq, occurred_at, user_id, username, client_ip, audit_action, target, detail, "
            + "audit_result, http_status, subsidiary_id, org_path, prev_hash, row_hash";

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);

    static final RowMapper<AuditRecord> ROW_MAPPER = AuditService::mapRow;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate requiresNew;
    private final IdGenerator ids;
    private final AuditMapper mapper;

    public AuditService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, IdGenerator ids,
                        AuditMapper mapper) {
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.ids = ids;
        this.requiresNew = new TransactionTemplate(transactionManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.requiresNew.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Appends {@code entry} to the chain in a new transaction and returns the stored row. Lock timeouts and
     * deadlocks are retried a few times; a persistent failure is thrown (callers on the request path log it).
     */
    public AuditRecord record(AuditEntry entry) {
        AuditEntry clean = normalise(entry);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return requiresNew.execute(status -> appendLocked(clean));
            } catch (TransientDataAccessException | DuplicateKeyException e) {
                last = e;
                log.debug("audit append attempt {} failed, retrying: {}", attempt, e.getMessage());
                sleepQuietly(20L * attempt);
            }
        }
        throw last;
    }

    private AuditRecord appendLocked(AuditEntry e) {
        Map<String, Object> head;
        try {
            head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = ? FOR UPDATE", HEAD_ID);
        } catch (org.springframework.dao.EmptyResultDataAccessException missing) {
            throw new IllegalStateException("audit_chain_head has no row id=1; the audit chain is not initialised", missing);
        }
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prevHash = String.valueOf(head.get("last_hash")).strip();
        LocalDateTime at = (e.occurredAt() == null ? LocalDateTime.now() : e.occurredAt()).truncatedTo(ChronoUnit.SECONDS);
        AuditRecord unhashed = new AuditRecord(ids.nextId(), seq, at, e.userId(), e.username(), e.clientIp(),
                e.action(), e.target(), e.detail(), e.result().name(), e.httpStatus(), e.subsidiaryId(), e.orgPath(),
                prevHash, null);
        String rowHash = AuditHasher.rowHash(prevHash, unhashed);
        jdbc.update("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                unhashed.id(), seq, Timestamp.valueOf(at), e.userId(), e.username(), e.clientIp(), e.action(),
                e.target(), e.detail(), e.result().name(), e.httpStatus(), e.subsidiaryId(), e.orgPath(),
                prevHash, rowHash);
        int updated = jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, updated_at = ? WHERE id = ?",
                seq, rowHash, Timestamp.valueOf(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)), HEAD_ID);
        if (updated != 1) {
            throw new IllegalStateException("audit_chain_head update touched " + updated + " rows");
        }
        return new AuditRecord(unhashed.id(), seq, at, e.userId(), e.username(), e.clientIp(), e.action(),
                e.target(), e.detail(), e.result().name(), e.httpStatus(), e.subsidiaryId(), e.orgPath(),
                prevHash, rowHash);
    }

    /** One page of rows matching {@code filter} within the viewer's data scope, newest first. */
    public PageResult<AuditRecord> search(AuditQuery filter, PageQuery page) {
        AuditQuery q = filter == null ? AuditQuery.all() : filter;
        return Paging.page(page, () -> select(q, null));
    }

    private List<AuditRecord> select(AuditQuery q, Long belowSeq) {
        return mapper.selectRows(q, q.usernamePattern(), q.actionPattern(), q.resultName(), belowSeq);
    }

    /**
     * Streams rows matching {@code filter} within the viewer's data scope, newest first, in batches of
     * {@code batchSize} (keyset paging on seq, so memory stays flat). Stops after {@code maxRows}.
     * Returns the number of rows delivered.
     */
    public long stream(AuditQuery filter, int batchSize, long maxRows, Consumer<List<AuditRecord>> sink) {
        AuditQuery q = filter == null ? AuditQuery.all() : filter;
        long delivered = 0;
        Long below = null;
        while (delivered < maxRows) {
            int limit = (int) Math.min(batchSize, maxRows - delivered);
            Long from = below;
            List<AuditRecord> rows = Paging.limit(limit, () -> select(q, from));
            if (rows.isEmpty()) {
                break;
            }
            sink.accept(rows);
            delivered += rows.size();
            below = rows.get(rows.size() - 1).seq();
            if (rows.size() < limit) {
                break;
            }
        }
        return delivered;
    }

    static AuditRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        Timestamp at = rs.getTimestamp("occurred_at");
        return new AuditRecord(rs.getLong("id"), rs.getLong("seq"), at == null ? null : at.toLocalDateTime(),
                nullableLong(rs, "user_id"), rs.getString("username"), rs.getString("client_ip"),
                rs.getString("audit_action"), rs.getString("target"), rs.getString("detail"),
                rs.getString("audit_result"), nullableInt(rs, "http_status"), nullableLong(rs, "subsidiary_id"),
                rs.getString("org_path"), strip(rs.getString("prev_hash")), strip(rs.getString("row_hash")));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /**
     * Makes every value survive a database round trip unchanged, so the hash computed here equals the one the
     * verifier recomputes from the stored row: empty strings become null (DM/Oracle store '' as NULL), NUL and
     * lone surrogates are replaced, VARCHAR values are cut to their column size in UTF-8 bytes.
     */
    static AuditEntry normalise(AuditEntry e) {
        return new AuditEntry(e.occurredAt(), e.userId(),
                clean(e.username(), USERNAME_MAX, false), clean(e.clientIp(), CLIENT_IP_MAX, false),
                clean(e.action(), ACTION_MAX, false) == null ? "未命名操作" : clean(e.action(), ACTION_MAX, false),
                clean(e.target(), TARGET_MAX, false), cleanDetail(e.detail()),
                e.result() == null ? AuditResult.FAILURE : e.result(), e.httpStatus(), e.subsidiaryId(),
                clean(e.orgPath(), ORG_PATH_MAX, false));
    }

    private static String cleanDetail(String detail) {
        if (detail == null) {
            return null;
        }
        String s = clean(detail, Integer.MAX_VALUE, true);
        if (s != null && s.length() > DETAIL_MAX_CHARS) {
            int end = DETAIL_MAX_CHARS;
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            s = s.substring(0, end) + "…";
        }
        return s;
    }

    static String clean(String value, int maxBytes, boolean keepNewlines) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(value.length());
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.SURROGATE) {
                cp = 0xFFFD;
            } else if (cp == 0) {
                continue;
            } else if (cp < 0x20 || cp == 0x7F) {
                if (!(keepNewlines && (cp == '\n' || cp == '\r' || cp == '\t'))) {
                    cp = ' ';
                }
            }
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            sb.appendCodePoint(cp);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
