package cn.heatdesk.repair.dispatch;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketRow;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Fault hot spots (故障高发): the communities and units with the most tickets over the last days, in the caller's
 * data scope. Tickets are read through {@link TicketApi#stream} (scoped, newest first, bounded), their households
 * located through base information, and counted per community and unit of the heat network tree.
 */
@Service
public class HotspotService {

    static final int MAX_TICKETS = 20_000;
    static final int TOP = 10;
    static final int MAX_DAYS = 366;

    private final TicketApi tickets;
    private final HouseholdApi households;

    public HotspotService(TicketApi tickets, HouseholdApi households) {
        this.tickets = tickets;
        this.households = households;
    }

    public StationViews.Hotspots hotspots(Integer days, Long stationOrgId) {
        int d = days == null ? 30 : days;
        if (d < 1 || d > MAX_DAYS) {
            throw BizException.invalid("days", "统计天数应在 1 到 " + MAX_DAYS + " 之间");
        }
        LocalDateTime from = LocalDate.now().minusDays(d - 1L).atStartOfDay();
        TicketFilter filter = new TicketFilter(null, null, null, null, null, null, null, null, null, null, stationOrgId,
                null, null, null, null, null, null, from, null, null);
        Counter counter = new Counter(this::locate);
        int[] read = {0};
        // one more than counted tells whether the window was cut; rows are counted as they stream by
        tickets.stream(filter, MAX_TICKETS + 1, r -> {
            if (++read[0] <= MAX_TICKETS) {
                counter.add(r);
            }
        });
        return counter.result(d, stationOrgId, read[0] > MAX_TICKETS, this::pathNames);
    }

    /** a household of a ticket row, by subsidiary and household code */
    private Optional<HouseholdSummary> locate(TicketRow r) {
        if (r.householdCode() == null || r.subsidiaryId() == null) {
            return Optional.empty();
        }
        return households.findByCode(r.subsidiaryId(), r.householdCode());
    }

    /** node id → name along the household's path (company … unit) */
    private Map<Long, String> pathNames(long householdId) {
        return households.find(householdId).map(h -> households.nodeNames(pathIds(h.nodePath()))).orElse(Map.of());
    }

    interface Locator {
        Optional<HouseholdSummary> locate(TicketRow row);
    }

    interface Names {
        Map<Long, String> of(long householdId);
    }

    /** counts tickets per community and unit; separate from the lookups so it can be tested without a database */
    static final class Counter {
        private static final int COMMUNITY_DEPTH = NodeType.COMMUNITY.level() - 1;
        private static final int UNIT_DEPTH = NodeType.UNIT.level() - 1;

        private final Locator locator;
        private final Map<String, Optional<HouseholdSummary>> located = new HashMap<>();
        private final Map<Long, Acc> communities = new HashMap<>();
        private final Map<Long, Acc> units = new HashMap<>();
        private long counted;
        private long unlocated;

        Counter(Locator locator) {
            this.locator = locator;
        }

        void add(TicketRow r) {
            counted++;
            Optional<HouseholdSummary> h = r.householdCode() == null ? Optional.empty()
                    : located.computeIfAbsent(r.subsidiaryId() + "|" + r.householdCode(), k -> locator.locate(r));
            List<Long> path = h.map(s -> pathIds(s.nodePath())).orElse(List.of());
            if (path.size() <= COMMUNITY_DEPTH) {
                unlocated++;
                return;
            }
            communities.computeIfAbsent(path.get(COMMUNITY_DEPTH), k -> new Acc()).add(r, h.get());
            if (path.size() > UNIT_DEPTH) {
                units.computeIfAbsent(path.get(UNIT_DEPTH), k -> new Acc()).add(r, h.get());
            }
        }

        /** the top communities and units, named through one household of each (names are looked up once per household) */
        StationViews.Hotspots result(int days, Long stationOrgId, boolean truncated, Names names) {
            Map<Long, Map<Long, String>> namesByHousehold = new HashMap<>();
            List<StationViews.Spot> topCommunities = top(communities, (id, acc) ->
                    namesByHousehold.computeIfAbsent(acc.sampleHousehold, names::of).getOrDefault(id, "小区" + id));
            List<StationViews.Spot> topUnits = top(units, (id, acc) -> {
                Map<Long, String> n = namesByHousehold.computeIfAbsent(acc.sampleHousehold, names::of);
                List<String> parts = new ArrayList<>();
                for (int i = COMMUNITY_DEPTH; i < acc.samplePath.size(); i++) {
                    parts.add(n.getOrDefault(acc.samplePath.get(i), String.valueOf(acc.samplePath.get(i))));
                }
                return String.join("/", parts);
            });
            return new StationViews.Hotspots(days, stationOrgId, counted, truncated, unlocated, topCommunities, topUnits);
        }
    }

    private static List<StationViews.Spot> top(Map<Long, Acc> groups, BiFunction<Long, Acc, String> name) {
        return groups.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, Acc>>comparingInt(e -> -e.getValue().tickets)
                        .thenComparingInt(e -> -e.getValue().open)
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .map(e -> new StationViews.Spot(e.getKey(), name.apply(e.getKey(), e.getValue()), e.getValue().tickets,
                        e.getValue().open, e.getValue().households.size(), e.getValue().byTypeSorted()))
                .toList();
    }

    static List<Long> pathIds(String path) {
        List<Long> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                try {
                    out.add(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    return List.of();
                }
            }
        }
        return out;
    }

    private static final class Acc {
        int tickets;
        int open;
        final Set<Long> households = new HashSet<>();
        final Map<String, Integer> byType = new HashMap<>();
        Long sampleHousehold;
        List<Long> samplePath;

        void add(TicketRow r, HouseholdSummary h) {
            tickets++;
            if (r.status() != null && r.status().isOpen()) {
                open++;
            }
            households.add(h.id());
            byType.merge(r.ticketTypeLabel() != null ? r.ticketTypeLabel() : String.valueOf(r.ticketType()), 1, Integer::sum);
            if (sampleHousehold == null) {
                sampleHousehold = h.id();
                samplePath = pathIds(h.nodePath());
            }
        }

        Map<String, Integer> byTypeSorted() {
            Map<String, Integer> out = new LinkedHashMap<>();
            byType.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }
    }
}
