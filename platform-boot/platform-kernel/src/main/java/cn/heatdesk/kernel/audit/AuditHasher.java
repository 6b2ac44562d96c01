package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.crypto.Sm3;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The hash of an audit row: {@code row_hash = hex SM3(UTF-8(prev_hash + "\n" + canonical(row)))}.
 *
 * <p>The canonical encoding is unambiguous: a version tag, then every field in a fixed order as
 * {@code name=<byteLength>:<value>;} (UTF-8 byte length) or {@code name=~;} for null. Time is written as
 * {@code yyyy-MM-dd'T'HH:mm:ss} (seconds, no zone: the column is a DATETIME read back through the same
 * JVM zone), so database precision and time-zone settings do not change the hash. Nothing can be moved from one
 * field into another without changing the encoding.
 */
public final class AuditHasher {

    /** prev_hash of the first row. */
    public static final String GENESIS_HASH = "0".repeat(64);
    static final String VERSION = "HDAUDIT1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private AuditHasher() {
    }

    public static String rowHash(AuditRecord r) {
        return rowHash(r.prevHash(), r);
    }

    /** Hash of {@code r} chained to {@code prevHash} (r's own prevHash/rowHash fields are ignored). */
    public static String rowHash(String prevHash, AuditRecord r) {
        String input = prevHash + "\n" + canonical(r);
        return Sm3.hashHex(input.getBytes(StandardCharsets.UTF_8));
    }

    static String canonical(AuditRecord r) {
        StringBuilder sb = new StringBuilder(256 + (r.detail() == null ? 0 : r.detail().length()));
        sb.append(VERSION).append(';');
        field(sb, "id", String.valueOf(r.id()));
        field(sb, "seq", Long.toString(r.seq()));
        field(sb, "occurredAt", r.occurredAt() == null ? null : TIME.format(r.occurredAt().withNano(0)));
        field(sb, "userId", r.userId() == null ? null : r.userId().toString());
        field(sb, "username", r.username());
        field(sb, "clientIp", r.clientIp());
        field(sb, "action", r.action());
        field(sb, "target", r.target());
        field(sb, "detail", r.detail());
        field(sb, "result", r.result());
        field(sb, "httpStatus", r.httpStatus() == null ? null : r.httpStatus().toString());
        field(sb, "subsidiaryId", r.subsidiaryId() == null ? null : r.subsidiaryId().toString());
        field(sb, "orgPath", r.orgPath());
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append('=');
        if (value == null) {
            sb.append('~');
        } else {
            sb.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        sb.append(';');
    }

    /** Formats a time the way the chain hashes it; for display in verification output. */
    static String format(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }
}
