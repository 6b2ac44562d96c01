package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.servicedesk.api.TicketChanged;
import cn.heatdesk.servicedesk.api.TicketStatus;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the field users' change feed from the ticket core's {@link TicketChanged}, which is published inside the
 * ticket's transaction: the feed entry commits or rolls back with the change itself.
 *
 * <p>Ordering: each user has one counter row (rp_sync_seq). The entry's seq is taken by incrementing that row,
 * which locks it until the ticket transaction ends, so a second change for the same user waits and commits after
 * the first: per user, commit order equals seq order, and a reader that has seen seq N has seen everything below N.
 * Several users in one change (reassignment) are locked in user-id order, so two reassignments never deadlock.
 */
@Component
public class ChangeFeed {

    public static final String TICKET = "TICKET";
    public static final String REMOVED = "TICKET_REMOVED";
    /** the statuses in which a ticket is on its worker's list in the app */
    static final Set<TicketStatus> ON_LIST = EnumSet.of(TicketStatus.ASSIGNED, TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS);

    private final SyncMapper mapper;
    private final IdGenerator ids;
    private final TransactionTemplate newTx;

    public ChangeFeed(SyncMapper mapper, IdGenerator ids, PlatformTransactionManager txm) {
        this.mapper = mapper;
        this.ids = ids;
        this.newTx = new TransactionTemplate(txm);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    record Entry(String kind, String reason) {
    }

    /** who hears what about one change: user id → entry, in user-id order */
    static Map<Long, Entry> entries(TicketChanged e) {
        Map<Long, Entry> out = new TreeMap<>();
        if (e.previousWorkerId() != null) {
            out.put(e.previousWorkerId(), new Entry(REMOVED, "REASSIGNED"));
        }
        if (e.workerId() != null) {
            if (ON_LIST.contains(e.toStatus())) {
                out.put(e.workerId(), new Entry(TICKET, null));
            } else if (e.fromStatus() != null && ON_LIST.contains(e.fromStatus())) {
                out.put(e.workerId(), new Entry(REMOVED, removalReason(e.toStatus())));
            }
        }
        return out;
    }

    static String removalReason(TicketStatus to) {
        return switch (to) {
            case VOIDED -> "VOIDED";
            case CANCELLED -> "CANCELLED";
            case COMPLETED, CLOSED, EXTRA_NODE -> "FINISHED";
            default -> "REASSIGNED";
        };
    }

    @EventListener
    public void on(TicketChanged e) {
        entries(e).forEach((userId, entry) -> append(userId, entry, e));
    }

    private void append(long userId, Entry entry, TicketChanged e) {
        LocalDateTime now = LocalDateTime.now();
        if (mapper.selectFeedSeq(userId) == null) {
            // the counter row is created once, in its own transaction, so racing first changes never abort each
            // other (and no gap lock of this transaction blocks the insert)
            try {
                newTx.executeWithoutResult(s -> mapper.insertFeedSeq(userId, now));
            } catch (DuplicateKeyException raced) {
                // another transaction created it
            }
        }
        mapper.bumpFeedSeq(userId, now);
        FeedChange c = new FeedChange();
        c.id = ids.nextId();
        c.userId = userId;
        c.seq = mapper.selectFeedSeq(userId);
        c.changeKind = entry.kind();
        c.ticketId = e.ticketId();
        c.reasonCode = entry.reason();
        c.ticketVersion = e.rowVersion();
        c.subsidiaryId = e.subsidiaryId() == null ? 0L : e.subsidiaryId();
        c.orgPath = e.orgPath() == null ? "/" : e.orgPath();
        c.createdAt = now;
        mapper.insertChange(c);
    }

    /** the user's current feed position (0 before the first change) */
    public long position(long userId) {
        Long seq = mapper.selectFeedSeq(userId);
        return seq == null ? 0 : seq;
    }
}
