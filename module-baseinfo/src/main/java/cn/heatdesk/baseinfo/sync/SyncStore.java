package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.ChangeCursor;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.routing.SharedDatabase;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Persistence of the sync state: pull cursors and failed records. Integration state is group-wide (one cursor
 * spans every subsidiary), so it always lives in the shared database, also when a subsidiary has a database of its
 * own; the business rows themselves are written per subsidiary by {@link RecordApplier}.
 *
 * <p>Each method runs in its own transaction, separate from the business writes: a failure row must survive the
 * rollback of the write that failed.
 */
@SharedDatabase
@Service
public class SyncStore {

    public static final String PENDING = "PENDING";
    public static final String ABANDONED = "ABANDONED";
    public static final String RESOLVED = "RESOLVED";
    static final Set<String> STATUSES = Set.of(PENDING, ABANDONED, RESOLVED);

    public static final String RUNNING = "RUNNING";
    public static final String OK = "OK";
    public static final String FAILED = "FAILED";

    private static final Logger log = LoggerFactory.getLogger(SyncStore.class);
    private static final Map<String, String> SORTS = Map.of(
            "createdAt", "f.created_at", "nextRetryAt", "f.next_retry_at", "attempts", "f.attempts",
            "lastTriedAt", "f.last_tried_at", "externalKey", "f.external_key");

    private final SyncCursorMapper cursors;
    private final SyncFailureMapper failures;
    private final IdGenerator ids;
    private final FieldCipher cipher;

    public SyncStore(SyncCursorMapper cursors, SyncFailureMapper failures, IdGenerator ids, FieldCipher cipher) {
        this.cursors = cursors;
        this.failures = failures;
        this.ids = ids;
        this.cipher = cipher;
    }

    // ---- cursors ---------------------------------------------------------------------------------------------

    /** the cursor row of a feed, created at the start of the feed when it has none yet */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public SyncCursor cursor(SyncSource source, SyncEntity entity) {
        SyncCursor c = cursors.selectOne(source.name(), entity.name());
        if (c != null) {
            return c;
        }
        c = new SyncCursor();
        c.setId(ids.nextId());
        c.setSourceSystem(source.name());
        c.setEntity(entity.name());
        c.setPulledTotal(0L);
        c.setRowVersion(0);
        try {
            cursors.insert(c);
            return c;
        } catch (DuplicateKeyException e) {
            // another instance created it in the meantime
            return cursors.selectOne(source.name(), entity.name());
        }
    }

    public List<SyncCursor> cursors() {
        return cursors.selectAll();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void started(SyncCursor c, LocalDateTime at) {
        cursors.updateStatus(c.getId(), RUNNING, null, at, null);
    }

    /**
     * Moves the cursor past a page. The time is kept to the second, which every database stores alike (MariaDB
     * DATETIME has no fraction): after a restart the records of that last second are read again, and applying
     * them again changes nothing.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void advanced(SyncCursor c, ChangeCursor to, long pulled) {
        LocalDateTime t = to.updatedAt() == null ? null : to.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        String key = to.lastKey() == null ? null : truncate(to.lastKey(), 64);
        cursors.updateProgress(c.getId(), t, key, pulled);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finished(SyncCursor c, boolean ok, String message, LocalDateTime runAt) {
        cursors.updateStatus(c.getId(), ok ? OK : FAILED, message == null ? null : truncate(message, 1000), runAt,
                ok ? LocalDateTime.now() : null);
    }

    // ---- failures --------------------------------------------------------------------------------------------

    /**
     * Keeps rejected records for retry. A record that already has an unresolved failure (same source, entity and
     * key) replaces its payload and starts the retry schedule afresh, so one record never piles up rows.
     *
     * @return number of rows written
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int recordFailures(SyncSource source, SyncEntity entity, String channel, List<RecordApplier.Applied> rejected,
                              long createdBy, String fallbackOrgPath) {
        LocalDateTime now = LocalDateTime.now();
        Map<String, SyncFailure> openByKey = new HashMap<>();
        List<String> keys = rejected.stream().map(a -> a.failureKey() == null ? null : truncate(a.failureKey(), 128))
                .filter(Objects::nonNull).distinct().toList();
        for (int i = 0; i < keys.size(); i += RecordApplier.CHUNK) {
            // the newest open row per key wins when (unexpectedly) there are several
            for (SyncFailure f : failures.selectOpenByKeys(source.name(), entity.name(),
                    keys.subList(i, Math.min(keys.size(), i + RecordApplier.CHUNK)))) {
                openByKey.put(f.getExternalKey(), f);
            }
        }
        int n = 0;
        for (RecordApplier.Applied a : rejected) {
            String key = a.failureKey() == null ? null : truncate(a.failureKey(), 128);
            String reason = truncate(a.reasonWithField(), 1000);
            String orgPath = a.orgPath() != null ? a.orgPath() : fallbackOrgPath;
            SyncFailure open = key == null ? null : openByKey.get(key);
            if (open != null) {
                open.setChannel(channel);
                open.setPayload(cipher.encrypt(a.payload()));
                open.setReason(reason);
                open.setAttempts(1);
                open.setStatus(PENDING);
                open.setNextRetryAt(now.plus(Backoff.delayAfter(1)));
                open.setLastTriedAt(now);
                open.setSubsidiaryId(a.subsidiaryId());
                open.setOrgPath(orgPath);
                if (failures.update(open) == 1) {
                    open.setRowVersion(open.getRowVersion() + 1);
                    n++;
                    continue;
                }
            }
            SyncFailure f = new SyncFailure();
            f.setId(ids.nextId());
            f.setSourceSystem(source.name());
            f.setEntity(entity.name());
            f.setChannel(channel);
            f.setExternalKey(key);
            f.setPayload(cipher.encrypt(a.payload()));
            f.setReason(reason);
            f.setAttempts(1);
            f.setStatus(PENDING);
            f.setNextRetryAt(now.plus(Backoff.delayAfter(1)));
            f.setLastTriedAt(now);
            f.setSubsidiaryId(a.subsidiaryId());
            f.setOrgPath(orgPath);
            f.setCreatedBy(createdBy);
            f.setCreatedAt(now);
            f.setRowVersion(0);
            failures.insert(f);
            if (key != null) {
                openByKey.put(key, f);
            }
            n++;
        }
        return n;
    }

    public PageResult<SyncFailure> page(SyncFailureFilter filter, PageQuery query) {
        SyncFailureFilter f = filter.validated();
        String orderBy = query.orderBy(SORTS, "f.created_at DESC") + ", f.id DESC";
        return Paging.page(query, () -> failures.list(f, orderBy));
    }

    /** a failure within the user's data scope, or 404 */
    public SyncFailure get(long id) {
        SyncFailure f = failures.selectById(id);
        if (f == null) {
            throw BizException.notFound("同步失败记录");
        }
        return f;
    }

    public SyncFailure getUnscoped(long id) {
        return failures.selectByIdUnscoped(id);
    }

    public List<SyncFailure> due(LocalDateTime now, int limit) {
        return Paging.limit(limit, () -> failures.selectDue(now));
    }

    /** unresolved failures within the user's scope, oldest first */
    public List<SyncFailure> open(SyncFailureFilter filter, int limit) {
        SyncFailureFilter f = filter.validated();
        return Paging.limit(limit, () -> failures.selectOpen(f));
    }

    /** @return false when someone else changed the row first (the retry job and a person at once) */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean update(SyncFailure f) {
        if (failures.update(f) != 1) {
            return false;
        }
        f.setRowVersion(f.getRowVersion() + 1);
        return true;
    }

    /** unresolved failures per status (PENDING, ABANDONED) in the user's scope */
    public Map<String, Long> openCounts() {
        Map<String, Long> m = new HashMap<>();
        for (SyncFailureMapper.StatusCount c : failures.countOpen()) {
            m.put(c.getStatus(), c.getCnt() == null ? 0L : c.getCnt());
        }
        return m;
    }

    /** the stored payload in plain text, or null when it cannot be decrypted (key retired) */
    public String payload(SyncFailure f) {
        if (f.getPayload() == null) {
            return null;
        }
        try {
            return cipher.decrypt(f.getPayload());
        } catch (RuntimeException e) {
            log.warn("sync failure {}: payload cannot be decrypted: {}", f.getId(), e.getMessage());
            return null;
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
