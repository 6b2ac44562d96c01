package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.repair.mobile.media.FieldMedia;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketHistoryEntry;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.servicedesk.api.TicketView;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field app's pull: its change feed after a cursor, or a snapshot of the tickets it holds.
 *
 * <p>Cursor {@code f<seq>}: changes with a greater seq, ascending, {@code limit} at a time; several changes of one
 * ticket within a page collapse into the latest (the app only needs the current state), which keeps its position.
 * Empty cursor: the feed position is read first, then the open tickets assigned to the user are listed
 * ({@code s<seq>.<offset>} while the snapshot has more pages), then the cursor continues at that position — a
 * change made while the snapshot was read is sent again, never lost (an upsert is idempotent).
 *
 * <p>Tickets are described at pull time, from the ticket core, as the system (the user id is the filter): a
 * worker's own data scope shows no work orders.
 */
@Service
public class PullService {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 2000;
    static final int SNAPSHOT_MAX = 2000;
    private static final Pattern FEED = Pattern.compile("f(\\d{1,18})");
    private static final Pattern SNAPSHOT = Pattern.compile("s(\\d{1,18})\\.(\\d{1,9})");

    private final SyncMapper mapper;
    private final ChangeFeed feed;
    private final TicketApi tickets;
    private final ReferenceService reference;
    private final ObjectProvider<FieldMedia> media;
    private final ObjectMapper json;

    public PullService(SyncMapper mapper, ChangeFeed feed, TicketApi tickets, ReferenceService reference,
                       ObjectProvider<FieldMedia> media, ObjectMapper json) {
        this.mapper = mapper;
        this.feed = feed;
        this.tickets = tickets;
        this.reference = reference;
        this.media = media;
        this.json = json;
    }

    public SyncDtos.PullResult pull(CurrentUser user, String cursor, Integer limitParam) {
        int limit = limitParam == null ? DEFAULT_LIMIT : limitParam;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw BizException.invalid("limit", "每次拉取条数必须在 1 到 " + MAX_LIMIT + " 之间");
        }
        String c = cursor == null ? "" : cursor.trim();
        SyncDtos.PullResult r;
        if (c.isEmpty()) {
            r = snapshot(user, feed.position(user.userId()), 0, limit);
        } else {
            Matcher s = SNAPSHOT.matcher(c);
            Matcher f = FEED.matcher(c);
            if (s.matches()) {
                r = snapshot(user, Long.parseLong(s.group(1)), Integer.parseInt(s.group(2)), limit);
            } else if (f.matches()) {
                r = changes(user, Long.parseLong(f.group(1)), limit);
            } else {
                throw BizException.invalid("cursor", "同步游标无效，请清空后重新同步");
            }
        }
        return r;
    }

    private SyncDtos.PullResult snapshot(CurrentUser user, long position, int offset, int limit) {
        List<Long> held = new ArrayList<>();
        TicketFilter mine = new TicketFilter(null, null, List.copyOf(ChangeFeed.ON_LIST), null, null, null, null, null,
                null, null, null, user.userId(), null, null, null, null, null, null, null, null);
        asSystem(() -> {
            tickets.stream(mine, SNAPSHOT_MAX, row -> held.add(row.id()));
            return null;
        });
        held.sort(Long::compare);
        List<SyncDtos.Change> out = new ArrayList<>();
        int end = Math.min(held.size(), offset + limit);
        Map<Long, Map<String, Object>> described = describe(offset < end ? held.subList(offset, end) : List.of(), user.userId());
        for (int i = offset; i < end; i++) {
            Map<String, Object> t = described.get(held.get(i));
            if (t != null) {
                out.add(new SyncDtos.Change(position, ChangeFeed.TICKET, held.get(i), t, null));
            }
        }
        boolean more = end < held.size();
        String next = more ? "s" + position + "." + end : "f" + position;
        return new SyncDtos.PullResult(out, next, more, reference.refVersion(), LocalDateTime.now());
    }

    private SyncDtos.PullResult changes(CurrentUser user, long after, int limit) {
        List<FeedChange> page = Paging.limit(limit + 1, () -> mapper.selectChanges(user.userId(), after));
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        // the latest change of each ticket in this page, in feed order
        Map<Long, FeedChange> latest = new LinkedHashMap<>();
        for (FeedChange fc : page) {
            latest.remove(fc.ticketId);
            latest.put(fc.ticketId, fc);
        }
        List<Long> upserts = new ArrayList<>();
        for (FeedChange fc : latest.values()) {
            if (!ChangeFeed.REMOVED.equals(fc.changeKind)) {
                upserts.add(fc.ticketId);
            }
        }
        Map<Long, Map<String, Object>> described = describe(upserts, user.userId());
        List<SyncDtos.Change> out = new ArrayList<>();
        for (FeedChange fc : latest.values()) {
            if (ChangeFeed.REMOVED.equals(fc.changeKind)) {
                out.add(new SyncDtos.Change(fc.seq, ChangeFeed.REMOVED, fc.ticketId, null, fc.reasonCode));
                continue;
            }
            Map<String, Object> t = described.get(fc.ticketId);
            if (t != null) {
                out.add(new SyncDtos.Change(fc.seq, ChangeFeed.TICKET, fc.ticketId, t, null));
            }
            // no longer this user's: a later TICKET_REMOVED of the feed says why
        }
        long next = page.isEmpty() ? after : page.get(page.size() - 1).seq;
        return new SyncDtos.PullResult(out, "f" + next, more, reference.refVersion(), LocalDateTime.now());
    }

    /**
     * The tickets as the app shows them, by id; a ticket that is not (any longer) on this user's list is absent.
     * A page's tickets are read together (tickets with timelines, check-ins, fill-backs, signatures: one query
     * each), not ticket by ticket: a page of 500 changes would otherwise cost thousands of queries.
     */
    Map<Long, Map<String, Object>> describe(List<Long> ticketIds, long userId) {
        Map<Long, Map<String, Object>> out = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return out;
        }
        List<TicketView> views = new ArrayList<>();
        for (TicketView v : asSystem(() -> tickets.withTimelines(ticketIds))) {
            if (Long.valueOf(userId).equals(v.ticket().workerId()) && ChangeFeed.ON_LIST.contains(v.ticket().status())) {
                views.add(v);
            }
        }
        if (views.isEmpty()) {
            return out;
        }
        List<Long> ids = views.stream().map(v -> v.ticket().id()).toList();
        Set<Long> checkedIn = new HashSet<>();
        Map<Long, FillBack> fills = new HashMap<>();
        Set<Long> signed = new HashSet<>();
        boolean withMedia = media.getIfAvailable() != null;
        // IN lists of at most 500 (a snapshot page may hold up to MAX_LIMIT tickets)
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            checkedIn.addAll(mapper.selectSiteCheckedIn(chunk, userId));
            // the latest per ticket, as selectFillBacks orders them (created_at, then id, descending)
            for (FillBack f : mapper.selectFillBacksOf(chunk)) {
                fills.merge(f.ticketId, f, (a, b) -> later(a, b) ? a : b);
            }
            if (withMedia) {
                signed.addAll(mapper.selectSignedTickets(chunk));
            }
        }
        for (TicketView v : views) {
            long id = v.ticket().id();
            out.put(id, describe(v, checkedIn.contains(id), fills.get(id), signed.contains(id)));
        }
        return out;
    }

    private static boolean later(FillBack a, FillBack b) {
        int c = a.createdAt.compareTo(b.createdAt);
        return c != 0 ? c > 0 : a.id > b.id;
    }

    private Map<String, Object> describe(TicketView v, boolean siteCheckIn, FillBack f, boolean signed) {
        TicketRow r = v.ticket();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(r.id()));
        m.put("ticketNo", r.ticketNo());
        m.put("rowVersion", r.rowVersion());
        m.put("status", r.status().name());
        m.put("statusLabel", r.statusLabel());
        m.put("type", r.ticketType());
        m.put("typeLabel", r.ticketTypeLabel());
        m.put("urgency", r.urgency());
        m.put("urgencyLabel", r.urgencyLabel());
        m.put("content", v.content());
        m.put("householdId", v.householdId() == null ? null : String.valueOf(v.householdId()));
        m.put("householdName", v.customerName());
        m.put("address", r.address());
        m.put("contactName", r.contactName());
        m.put("contactPhone", r.callerPhone());
        m.put("deadline", r.deadline());
        m.put("timing", r.timing());
        LocalDateTime assignedAt = null;
        for (TicketHistoryEntry h : v.timeline()) {
            if (h.action() != null && (h.action().name().equals("ASSIGN") || h.action().name().equals("REASSIGN"))) {
                assignedAt = h.createdAt();
            }
        }
        m.put("assignedAt", assignedAt);
        m.put("accepted", r.status() == TicketStatus.ACCEPTED || r.status() == TicketStatus.IN_PROGRESS);
        m.put("checkedIn", r.status() == TicketStatus.IN_PROGRESS || siteCheckIn);
        m.put("pendingApproval", r.pendingApproval());
        if (f != null) {
            Map<String, Object> fb = new LinkedHashMap<>();
            fb.put("handlingResult", f.handlingResult);
            fb.put("parts", f.parts);
            fb.put("durationMinutes", f.durationMinutes);
            fb.put("answers", readMap(f.answersJson));
            fb.put("at", f.createdAt);
            m.put("fillBack", fb);
        }
        m.put("signed", signed);
        List<TicketHistoryEntry> tl = v.timeline();
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (TicketHistoryEntry h : tl.subList(Math.max(0, tl.size() - 20), tl.size())) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", h.createdAt());
            e.put("actionLabel", h.actionLabel());
            e.put("userName", h.operatorName());
            String note = h.reason() != null ? h.reason() : h.note() != null ? h.note() : h.detail();
            e.put("note", note);
            timeline.add(e);
        }
        m.put("timeline", timeline);
        return m;
    }

    private Map<String, Object> readMap(String s) {
        if (s == null || s.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(s, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    /** reads done by the system: the feed's owner (the user id) is the filter, not a data scope */
    private static <T> T asSystem(java.util.function.Supplier<T> work) {
        return SecurityContext.callAs(null, work);
    }
}
