package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.routing.SharedDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Re-computes the audit hash chain row by row, in seq order, a page at a time (memory stays flat however long
 * the log is). Detects modified fields (hash mismatch), deleted rows (seq gap, or rows missing at the end
 * compared with the chain head), and inserted rows (seq outside 1..head, duplicated seq, or broken links).
 *
 * <p>Safe to run while the application writes: it checks the rows up to the head as read at the start.
 */
@SharedDatabase
@Component
public class AuditChainVerifier {

    static final int DEFAULT_PAGE_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final int pageSize;

    @Autowired
    public AuditChainVerifier(JdbcTemplate jdbc) {
        this(jdbc, DEFAULT_PAGE_SIZE);
    }

    AuditChainVerifier(JdbcTemplate jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
    }

    public AuditVerifyResult verify() {
        Head head = readHead();
        if (head == null) {
            return AuditVerifyResult.broken(0, null, null, AuditVerifyResult.Problem.HEAD_MISMATCH,
                    "审计链头记录（audit_chain_head）缺失，无法校验");
        }
        Map<String, Object> low = jdbc.queryForMap("SELECT MIN(seq) AS min_seq, COUNT(*) AS cnt FROM audit_log WHERE seq < 1");
        if (((Number) low.get("cnt")).longValue() > 0) {
            long seq = ((Number) low.get("min_seq")).longValue();
            return AuditVerifyResult.broken(0, seq, idOf(seq), AuditVerifyResult.Problem.INSERTED,
                    "发现序号为 " + seq + " 的非法插入记录（序号必须从 1 开始）");
        }

        long checked = 0;
        long expectedSeq = 1;
        String prevHash = AuditHasher.GENESIS_HASH;
        AuditRecord last = null;
        while (expectedSeq <= head.lastSeq) {
            List<AuditRecord> page = jdbc.query("SELECT " + AuditService.COLUMNS
                            + " FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT " + pageSize,
                    AuditService.ROW_MAPPER, expectedSeq, head.lastSeq);
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord r : page) {
                if (r.seq() < expectedSeq) {
                    return AuditVerifyResult.broken(checked, r.seq(), r.id(), AuditVerifyResult.Problem.INSERTED,
                            "序号 " + r.seq() + " 重复出现，存在非法插入的记录");
                }
                if (r.seq() > expectedSeq) {
                    return AuditVerifyResult.broken(checked, expectedSeq, null, AuditVerifyResult.Problem.MISSING,
                            "序号 " + expectedSeq + (r.seq() - expectedSeq > 1 ? "–" + (r.seq() - 1) : "")
                                    + " 的记录缺失（已被删除），下一条记录序号为 " + r.seq() + "（ID " + r.id() + "）");
                }
                String recomputed = AuditHasher.rowHash(r.prevHash(), r);
                if (!recomputed.equalsIgnoreCase(r.rowHash())) {
                    return AuditVerifyResult.broken(checked, r.seq(), r.id(), AuditVerifyResult.Problem.MODIFIED,
                            "序号 " + r.seq() + " 的记录内容与其哈希不符（记录已被篡改）");
                }
                if (!prevHash.equalsIgnoreCase(r.prevHash())) {
                    // the row itself hashes correctly, so someone re-computed a hash: either the previous row was
                    // altered/replaced and re-hashed, or this row's prev_hash was. Report the earlier candidate.
                    Long brokenSeq = last == null ? r.seq() : last.seq();
                    Long brokenId = last == null ? r.id() : last.id();
                    return AuditVerifyResult.broken(checked, brokenSeq, brokenId, AuditVerifyResult.Problem.LINK_BROKEN,
                            "序号 " + r.seq() + " 记录的前序哈希与" + (last == null ? "创世哈希" : "序号 " + last.seq() + " 记录的哈希")
                                    + "不符：序号 " + brokenSeq + " 的记录被替换或篡改后重算了哈希（链条断裂）");
                }
                checked++;
                prevHash = r.rowHash();
                last = r;
                expectedSeq = r.seq() + 1;
            }
        }
        if (expectedSeq <= head.lastSeq) {
            return AuditVerifyResult.broken(checked, expectedSeq, null, AuditVerifyResult.Problem.MISSING,
                    "序号 " + expectedSeq + "–" + head.lastSeq + " 的记录缺失（链尾记录已被删除）");
        }
        if (!prevHash.equalsIgnoreCase(head.lastHash)) {
            return AuditVerifyResult.broken(checked, head.lastSeq, last == null ? null : last.id(),
                    AuditVerifyResult.Problem.HEAD_MISMATCH, "最后一条记录的哈希与链头记录不符（链尾记录或链头被篡改）");
        }
        Long duplicated = firstDuplicatedSeq(head.lastSeq);
        if (duplicated != null) {
            return AuditVerifyResult.broken(checked, duplicated, null, AuditVerifyResult.Problem.INSERTED,
                    "序号 " + duplicated + " 重复出现，存在非法插入的记录");
        }
        // rows beyond the head: read MAX first and the head afterwards, so a row committed by a concurrent
        // writer in between is covered by the newer head and not mistaken for an insertion
        Long maxSeq = jdbc.queryForObject("SELECT MAX(seq) FROM audit_log", Long.class);
        Head now = readHead();
        if (maxSeq != null && now != null && maxSeq > now.lastSeq) {
            long seq = now.lastSeq + 1;
            Long firstBeyond = jdbc.queryForObject("SELECT MIN(seq) FROM audit_log WHERE seq > ?", Long.class, now.lastSeq);
            if (firstBeyond != null) {
                seq = firstBeyond;
            }
            return AuditVerifyResult.broken(checked, seq, idOf(seq), AuditVerifyResult.Problem.INSERTED,
                    "发现链头之后的记录（序号 " + seq + "），该记录未经审计服务写入（非法插入）");
        }
        return AuditVerifyResult.intact(checked);
    }

    private Long firstDuplicatedSeq(long upTo) {
        List<Long> dup = jdbc.queryForList("SELECT seq FROM audit_log WHERE seq <= ? GROUP BY seq HAVING COUNT(*) > 1 ORDER BY seq",
                Long.class, upTo);
        return dup.isEmpty() ? null : dup.get(0);
    }

    private Long idOf(long seq) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM audit_log WHERE seq = ? ORDER BY id", Long.class, seq);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private Head readHead() {
        List<Head> heads = jdbc.query("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = ?",
                (rs, i) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash").strip()), AuditService.HEAD_ID);
        return heads.isEmpty() ? null : heads.get(0);
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
