package cn.heatdesk.bench.workorder;

import cn.heatdesk.bench.workorder.DemoWorld.Household;
import cn.heatdesk.bench.workorder.DemoWorld.Person;
import cn.heatdesk.bench.workorder.DemoWorld.Station;
import cn.heatdesk.bench.workorder.DemoWorld.Sub;
import cn.heatdesk.bench.workorder.RowSink.Ts;
import cn.heatdesk.servicedesk.config.DeadlineService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Fills sd_ticket, sd_ticket_history and sd_visit with a year of work orders for the demo organisation, the way a
 * heating company's year looks: four times the daily volume in the heating season (15 Nov – 15 Mar), office-hour
 * peaks, ~5 % of tickets open (mostly recent, a tail of stuck ones that are long overdue), escalations where a
 * ticket ran past its deadline, supervised and over-level complaints by type, 4–8 timeline rows per ticket.
 *
 * <p>Rows are written in time order, as the application would have written them: tickets by creation time,
 * timeline and visit rows by their own time (a priority queue holds the future events of recent tickets), so a
 * ticket's timeline is spread over the table like in production, not stored next to each other. Ids are
 * snowflakes of those times with worker ids 1021–1023, which the application never leases. Ticket numbers follow
 * the application's {@code <org>-<yyyyMMdd>-<5 digits>} with the per-day counters (sd_ticket_seq) set to match,
 * so tickets created afterwards continue the sequence. On PostgreSQL the secondary indexes are dropped for the
 * load (COPY) and rebuilt from their saved definitions, then VACUUM ANALYZE.
 */
final class TicketSeeder {

    static final long SNOWFLAKE_EPOCH = 1704067200000L;

    static final String[] TICKET_COLS = {"id", "ticket_no", "ticket_type", "source", "urgency", "priority", "status",
            "node_code", "resume_status", "title", "content", "form_json", "household_id", "household_code", "unit_id",
            "node_path", "address", "customer_name", "contact_name", "phone_enc", "phone_idx", "phone_mask",
            "station_org_id", "station_name", "worker_id", "worker_name", "deadline", "warn_at", "deadline_rule_id",
            "near_notified", "visit_due_at", "escalation_level", "next_escalate_at", "supervised", "over_level",
            "urge_count", "rework_count", "pending_approval", "pending_approval_id", "handling_result", "visit_result",
            "satisfaction", "dispatched_at", "accepted_at", "first_response_at", "completed_at", "visited_at",
            "closed_at", "call_id", "kb_article_id", "subsidiary_id", "org_path", "row_version", "created_by",
            "created_by_name", "created_at", "updated_by", "updated_at"};
    static final String[] HISTORY_COLS = {"id", "ticket_id", "action", "from_status", "to_status", "from_node",
            "to_node", "reason", "note", "detail", "operator_id", "operator_name", "origin", "client_ip", "approval_id",
            "subsidiary_id", "org_path", "created_at"};
    static final String[] VISIT_COLS = {"id", "ticket_id", "visit_result", "satisfaction", "template_code",
            "answers_json", "remark", "payment_note", "call_id", "visitor_id", "visitor_name", "subsidiary_id",
            "org_path", "created_at"};

    // type mix of a heating company's service desk (codes of the ticket_type dictionary)
    static final String[] TYPES = {"REPAIR", "COMPLAINT", "INQUIRY", "SUSPENSION", "TEMP_CHECK", "PAYMENT_REMINDER",
            "SUPERVISION", "OVER_LEVEL_COMPLAINT"};
    static final double[] TYPE_W = {45, 12, 20, 6, 8, 5, 2, 2};
    static final String[] SOURCES = {"PHONE", "HOTLINE_12345", "WEB", "APP", "VOICEMAIL", "WALK_IN"};
    static final double[] SOURCE_W = {60, 12, 8, 10, 5, 5};
    static final String[] URGENCIES = {"NORMAL", "URGENT", "CRITICAL"};
    static final double[] URGENCY_W = {80, 16, 4};
    static final Map<String, String[]> TITLES = Map.of(
            "REPAIR", new String[]{"暖气不热", "室温偏低", "暖气片漏水", "管道漏水", "阀门损坏", "暖气片有异响", "入户阀门关不严", "楼道管道冻裂"},
            "COMPLAINT", new String[]{"维修人员态度差", "维修不及时", "多次报修未解决", "收费有异议", "供热温度不达标"},
            "INQUIRY", new String[]{"咨询供暖开始时间", "咨询缴费方式", "咨询报停政策", "咨询发票开具", "咨询室温标准"},
            "SUSPENSION", new String[]{"申请报停", "申请恢复供热"},
            "TEMP_CHECK", new String[]{"申请测温", "室温不达标申请测温"},
            "PAYMENT_REMINDER", new String[]{"欠费催缴", "缴费提醒"},
            "SUPERVISION", new String[]{"上级督办：长期室温不达标", "市长热线转办督办"},
            "OVER_LEVEL_COMPLAINT", new String[]{"越级投诉至市热线：暖气不热", "越级投诉：多次报修无人处理"});
    static final String[] DETAILS = {"客户反映近两天室内温度只有十五六度，家中有老人，希望尽快上门查看。",
            "客户称卧室暖气片上热下凉，已自行放气无效，请安排维修人员。", "客户反映楼上漏水渗到家中，地板已泡，要求立即处理。",
            "客户来电咨询，已按政策解答，客户要求书面答复。", "客户表示此前已报修两次，至今无人联系，情绪较激动。",
            "客户要求测量室温并出具测温记录，方便时间为工作日下午。"};
    static final String[] RESULTS = {"已更换入户阀门，室温恢复正常", "已对暖气片放气并清洗过滤网，测温 20℃", "已修复漏点，试压正常",
            "已向客户解释政策，客户表示理解", "已上门测温 19.5℃，达标", "已调整单元平衡阀，室温回升"};

    private final DemoWorld world;
    private final long tickets;
    private final SplittableRandom r;
    private final long now;
    private final ZoneId zone = ZoneId.systemDefault();
    private final List<Station>[] stationsBySub;
    private final Map<Long, Integer> subIndex = new HashMap<>();
    private final int[][] dayCounters;
    private final long firstDay;
    private final String[] dayCodes;
    private final Person agent;
    private final double[] typeCum = cumulative(TYPE_W);
    private final double[] sourceCum = cumulative(SOURCE_W);
    private final double[] urgencyCum = cumulative(URGENCY_W);
    private final String[] visitTemplates;

    private final PriorityQueue<Event> pending = new PriorityQueue<>();
    private long eventSeq;
    private final long[] lastMs = new long[3];
    private final long[] seq = new long[3];
    private RowSink ticketSink;
    private RowSink historySink;
    private RowSink visitSink;
    private final long[] statusCounts = new long[Status.values().length];
    private long overdueOpen;
    private long supervisedOpen;
    private long overLevelOpen;
    private long maxHistory;

    enum Status { PENDING_DISPATCH, DISPATCHED, CONFIRMED, ASSIGNED, ACCEPTED, IN_PROGRESS, RETURNED, COMPLETED, CLOSED, VOIDED, CANCELLED }

    record Event(long at, long order, int kind, Object[] row) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    interface Connections {
        Connection get() throws java.sql.SQLException;
    }

    @SuppressWarnings("unchecked")
    TicketSeeder(DemoWorld world, long tickets, long seed, String[] visitTemplates) {
        this.world = world;
        this.tickets = tickets;
        this.r = new SplittableRandom(seed);
        this.now = System.currentTimeMillis();
        this.visitTemplates = visitTemplates;
        List<Sub> subs = new ArrayList<>(world.subs.values());
        stationsBySub = new List[subs.size()];
        for (int i = 0; i < subs.size(); i++) {
            subIndex.put(subs.get(i).id(), i);
            stationsBySub[i] = world.stationsOf(subs.get(i).id());
            if (stationsBySub[i].isEmpty()) {
                throw new IllegalStateException("no repair station in " + subs.get(i).code());
            }
        }
        LocalDate today = LocalDate.now(zone);
        firstDay = today.minusDays(364).toEpochDay();
        dayCodes = new String[366];
        for (int d = 0; d < 366; d++) {
            dayCodes[d] = LocalDate.ofEpochDay(firstDay + d).format(DateTimeFormatter.BASIC_ISO_DATE);
        }
        dayCounters = new int[subs.size()][366];
        var a = world.user("agent01");
        agent = new Person(a.userId(), a.realName(), null);
    }

    /** what the seed produced, for the report */
    record Summary(long tickets, long history, long visits, Map<String, Long> byStatus, long overdueOpen,
                   long supervisedOpen, long overLevelOpen, long maxHistoryPerTicket, double seconds,
                   double indexSeconds, double analyzeSeconds) {
    }

    Summary seed(Connections connections, boolean postgres) throws Exception {
        long t0 = System.nanoTime();
        List<String[]> dropped = List.of();
        double indexSeconds = 0;
        try (Connection ct = connections.get(); Connection ch = connections.get(); Connection cv = connections.get()) {
            try (Statement s = ct.createStatement()) {
                // whatever the demo data put there (its numbers would collide with the seeded days' counters)
                for (String t : TABLES) {
                    s.execute("TRUNCATE TABLE " + t);
                }
            }
            if (postgres) {
                dropped = dropSecondaryIndexes(ct);
            }
            ticketSink = RowSink.open(ct, postgres, "sd_ticket", TICKET_COLS);
            historySink = RowSink.open(ch, postgres, "sd_ticket_history", HISTORY_COLS);
            visitSink = RowSink.open(cv, postgres, "sd_visit", VISIT_COLS);
            generate();
            while (!pending.isEmpty()) {
                emit(pending.poll());
            }
            ticketSink.close();
            historySink.close();
            visitSink.close();
            writeCounters(ct);
            long ti = System.nanoTime();
            if (postgres) {
                recreate(ct, dropped);
            }
            indexSeconds = (System.nanoTime() - ti) / 1e9;
        }
        long ta = System.nanoTime();
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String t : List.of("sd_ticket", "sd_ticket_history", "sd_visit", "sd_ticket_seq")) {
                // autovacuum is off on the benchmark machine: statistics and the visibility map come from here
                s.execute(postgres ? "VACUUM ANALYZE " + t : "ANALYZE");
                if (!postgres) {
                    break;
                }
            }
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Status st : Status.values()) {
            byStatus.put(st.name(), statusCounts[st.ordinal()]);
        }
        return new Summary(ticketSink.rows(), historySink.rows(), visitSink.rows(), byStatus, overdueOpen, supervisedOpen,
                overLevelOpen, maxHistory, (System.nanoTime() - t0) / 1e9, indexSeconds, (System.nanoTime() - ta) / 1e9);
    }

    // ------------------------------------------------------------------ generation

    private void generate() throws Exception {
        double[] w = new double[365];
        double total = 0;
        long todayStart = LocalDate.ofEpochDay(firstDay + 364).atStartOfDay(zone).toInstant().toEpochMilli();
        double todayFraction = Math.max(0.05, (now - todayStart) / 86_400_000.0);
        for (int d = 0; d < 365; d++) {
            LocalDate day = LocalDate.ofEpochDay(firstDay + d);
            w[d] = heatingSeason(day) ? 4 : 1;
            if (d == 364) {
                w[d] *= todayFraction;
            }
            total += w[d];
        }
        long[] perDay = new long[365];
        long assigned = 0;
        for (int d = 0; d < 365; d++) {
            perDay[d] = (long) Math.floor(tickets * w[d] / total);
            assigned += perDay[d];
        }
        for (long i = 0; assigned < tickets; i++, assigned++) {
            perDay[(int) (364 - i % 365)]++;
        }
        // open share: 0.85·e^(−age/4 days) for recent tickets, plus a floor of long-stuck ones, solved so that about
        // 5 % of all tickets are open
        double recent = 0;
        for (int d = 0; d < 365; d++) {
            recent += perDay[d] * 0.85 * Math.exp(-(364 - d + 0.5) / 4.0);
        }
        double floor = Math.max(0, (0.05 * tickets - recent) / (tickets - recent));

        for (int d = 0; d < 365; d++) {
            long dayStart = LocalDate.ofEpochDay(firstDay + d).atStartOfDay(zone).toInstant().toEpochMilli();
            long dayEnd = d == 364 ? now - 120_000 : dayStart + 86_400_000L;
            int n = (int) perDay[d];
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                times[i] = officeHoursTime(dayStart, dayEnd);
            }
            Arrays.sort(times);
            for (long at : times) {
                double ageDays = (now - at) / 86_400_000.0;
                double e = 0.85 * Math.exp(-ageDays / 4.0);
                boolean open = r.nextDouble() < e + floor * (1 - e);
                ticket(at, d, open, ageDays);
            }
        }
    }

    private static boolean heatingSeason(LocalDate d) {
        MonthDay md = MonthDay.from(d);
        return !md.isBefore(MonthDay.of(11, 15)) || !md.isAfter(MonthDay.of(3, 15));
    }

    /** hour-of-day weights: quiet nights, morning and evening peaks */
    private static final double[] HOUR_W = {1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 4, 8, 9, 8, 7, 6, 6, 7, 7, 6, 6, 7, 8, 7, 5, 3, 2};
    private static final double[] HOUR_CUM = cumulative(HOUR_W);

    private long officeHoursTime(long dayStart, long dayEnd) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int h = pick(HOUR_CUM);
            long t = dayStart + h * 3_600_000L + r.nextLong(3_600_000L);
            if (t < dayEnd) {
                return t;
            }
        }
        return dayStart + r.nextLong(Math.max(1, dayEnd - dayStart));
    }

    /** one ticket's life up to now: the ticket row (its final state) and its timeline and visit events */
    private void ticket(long created, int day, boolean open, double ageDays) throws Exception {
        Household hh = world.households.get(r.nextInt(world.households.size()));
        int si = subIndex.get(hh.subsidiaryId());
        Sub sub = world.subs.get(hh.subsidiaryId());
        String type = TYPES[pick(typeCum)];
        String source = SOURCES[pick(sourceCum)];
        String urgency = URGENCIES[pick(urgencyCum)];
        DeadlineService.Deadline dl = world.deadline(type, urgency, source, sub.id());
        long deadline = created + dl.limitMinutes() * 60_000L;
        long warnAt = deadline - Math.min(dl.warnMinutes(), Math.max(1, dl.limitMinutes() - 1)) * 60_000L;

        Station station = hh.coveredStationId() != null && world.stations.containsKey(hh.coveredStationId())
                ? world.stations.get(hh.coveredStationId())
                : stationsBySub[si].get(r.nextInt(stationsBySub[si].size()));
        boolean workers = !station.workers().isEmpty();
        Status target = open ? openStatus(ageDays, workers) : closedStatus();
        boolean deskResolve = "INQUIRY".equals(type) && target == Status.CLOSED && r.nextDouble() < 0.5;

        // ---- the steps up to the target status, with realistic gaps, squeezed into the time since creation
        List<Step> steps = new ArrayList<>();
        String agentOrigin = "PHONE".equals(source) ? "CALL" : "WEB";
        steps.add(new Step(0, "CREATE", null, Status.PENDING_DISPATCH, agent, agentOrigin));
        long t = 0;
        Person lead = station.leads().isEmpty() ? new Person(0, station.name() + "负责人", null) : station.leads().get(0);
        Person worker = workers ? station.workers().get(r.nextInt(station.workers().size())) : null;
        Status s = Status.PENDING_DISPATCH;
        if (deskResolve) {
            t += minutes(2, 30);
            steps.add(new Step(t, "DESK_RESOLVE", s, Status.COMPLETED, agent, agentOrigin));
            s = Status.COMPLETED;
        } else if (target != Status.PENDING_DISPATCH && !(target == Status.VOIDED && r.nextDouble() < 0.5)
                && !(target == Status.CANCELLED && r.nextDouble() < 0.5)) {
            t += r.nextDouble() < 0.7 ? 100 + r.nextLong(2_000) : minutes(5, 90);
            steps.add(new Step(t, "DISPATCH", s, Status.DISPATCHED, agent, agentOrigin));
            s = Status.DISPATCHED;
            if (target == Status.RETURNED) {
                t += minutes(20, 240);
                steps.add(new Step(t, "RETURN", s, Status.RETURNED, lead, "WEB"));
                s = Status.RETURNED;
            } else if (target != Status.DISPATCHED) {
                boolean confirm = !workers || target == Status.CONFIRMED || r.nextDouble() < 0.6;
                if (confirm) {
                    t += minutes(3, 60);
                    steps.add(new Step(t, "CONFIRM", s, Status.CONFIRMED, lead, "WEB"));
                    s = Status.CONFIRMED;
                }
                if (target != Status.CONFIRMED && workers && target != Status.VOIDED && target != Status.CANCELLED) {
                    t += minutes(5, 120);
                    steps.add(new Step(t, "ASSIGN", s, Status.ASSIGNED, lead, "WEB"));
                    s = Status.ASSIGNED;
                    if (target != Status.ASSIGNED) {
                        t += minutes(1, 30);
                        steps.add(new Step(t, "WORKER_ACCEPT", s, Status.ACCEPTED, worker, "APP"));
                        s = Status.ACCEPTED;
                    }
                    if (target != Status.ASSIGNED && target != Status.ACCEPTED) {
                        t += minutes(15, 180);
                        steps.add(new Step(t, "CHECK_IN", s, Status.IN_PROGRESS, worker, "APP"));
                        s = Status.IN_PROGRESS;
                    }
                    if (target == Status.COMPLETED || target == Status.CLOSED) {
                        t += minutes(20, 300);
                        steps.add(new Step(t, "COMPLETE", s, Status.COMPLETED, worker, "APP"));
                        s = Status.COMPLETED;
                    }
                } else if (target == Status.COMPLETED || target == Status.CLOSED) {
                    t += minutes(60, 600);
                    steps.add(new Step(t, "COMPLETE", s, Status.COMPLETED, lead, "WEB"));
                    s = Status.COMPLETED;
                }
            }
        }
        if (target == Status.CLOSED) {
            t += minutes(60, 30 * 60);
            boolean visit = r.nextDouble() < 0.9;
            steps.add(new Step(t, visit ? "VISIT" : "CLOSE_WITHOUT_VISIT", s, Status.CLOSED, agent, agentOrigin));
            s = Status.CLOSED;
        } else if (target == Status.VOIDED || target == Status.CANCELLED) {
            t += minutes(10, 600);
            steps.add(new Step(t, target == Status.VOIDED ? "VOID" : "CANCEL", s, target, agent, agentOrigin));
            s = target;
        }
        // squeeze into the time the ticket has existed (a ticket created an hour ago and already closed went fast)
        long window = Math.max(1, now - created - 60_000);
        if (t > window) {
            double f = (double) window / t;
            for (int i = 1; i < steps.size(); i++) {
                steps.set(i, steps.get(i).at((long) Math.max(i, steps.get(i).at * f)));
            }
        }
        long doneAt = Long.MAX_VALUE;
        for (Step st : steps) {
            if (st.to == Status.COMPLETED || st.to == Status.CLOSED || st.to == Status.VOIDED || st.to == Status.CANCELLED) {
                doneAt = Math.min(doneAt, created + st.at);
            }
        }
        // escalations: at the deadline and every escalate interval after it, while not done, at most three levels
        int level = 0;
        long esc = Math.max(1, dl.escalateMinutes()) * 60_000L;
        List<Step> extra = new ArrayList<>();
        for (long e = deadline; level < 3 && e < Math.min(doneAt, now); e += esc) {
            level++;
            extra.add(new Step(e - created, "ESCALATE", null, null, null, "SYSTEM"));
        }
        long lastAt = created + steps.get(steps.size() - 1).at;
        long lifeEnd = Math.min(now - 1000, doneAt == Long.MAX_VALUE ? now - 1000 : doneAt);
        boolean supervised = "SUPERVISION".equals(type);
        boolean overLevel = "OVER_LEVEL_COMPLAINT".equals(type);
        boolean superviseAction = !supervised && r.nextDouble() < 0.01 && lifeEnd > created + 60_000;
        if (superviseAction) {
            extra.add(new Step(between(created, lifeEnd) - created, "SUPERVISE", null, null,
                    new Person(0, "集团监控中心", null), "WEB"));
        }
        int urges = 0;
        if (r.nextDouble() < 0.05 && lifeEnd > created + 60_000 && steps.size() + extra.size() < 8) {
            urges = 1;
            extra.add(new Step(between(created, lifeEnd) - created, "URGE", null, null, agent, agentOrigin));
        }
        while (steps.size() + extra.size() < 4) {
            // a customer calls back, a note is added: every ticket has at least four timeline rows
            long at = between(created + 1, Math.max(created + 2, Math.min(now - 1000, Math.max(lastAt, created + 3_600_000))));
            extra.add(new Step(at - created, "NOTE", null, null, agent, agentOrigin));
        }
        steps.addAll(extra);
        steps.sort((a, b) -> Long.compare(a.at, b.at));

        // ---- the ticket row in its final state
        long id = snowflake(created, 2);
        Status fin = s;
        statusCounts[fin.ordinal()]++;
        boolean isOpen = fin != Status.CLOSED && fin != Status.VOIDED && fin != Status.CANCELLED;
        boolean notDone = isOpen && fin != Status.COMPLETED;
        if (notDone && deadline < now) {
            overdueOpen++;
        }
        if (isOpen && (supervised || superviseAction)) {
            supervisedOpen++;
        }
        if (isOpen && overLevel) {
            overLevelOpen++;
        }
        int dayCounter = ++dayCounters[si][day];
        String ticketNo = sub.code() + "-" + dayCodes[day] + "-" + String.format("%05d", dayCounter);
        boolean withStation = fin != Status.PENDING_DISPATCH && fin != Status.RETURNED && !deskResolve
                && steps.stream().anyMatch(x -> "DISPATCH".equals(x.action));
        boolean withWorker = withStation && worker != null && steps.stream().anyMatch(x -> "ASSIGN".equals(x.action));
        String title = pickOf(TITLES.get(type));
        String content = title + "。" + pickOf(DETAILS) + (hh.address() == null ? "" : "地址：" + hh.address());
        long dispatchedAt = stepAt(steps, created, "DISPATCH");
        long acceptedAt = stepAt(steps, created, "WORKER_ACCEPT");
        long completedAt = Math.max(stepAt(steps, created, "COMPLETE"), stepAt(steps, created, "DESK_RESOLVE"));
        long visitedAt = stepAt(steps, created, "VISIT");
        long closedAt = fin == Status.CLOSED || fin == Status.VOIDED || fin == Status.CANCELLED ? created + steps.stream()
                .filter(x -> x.to == fin).mapToLong(x -> x.at).max().orElse(0) : 0;
        long checkIn = stepAt(steps, created, "CHECK_IN");
        long firstResponse = acceptedAt > 0 ? acceptedAt : checkIn > 0 ? checkIn : completedAt;
        int visitSatisfaction = r.nextDouble() < 0.8 ? 5 : 4;
        String handling = completedAt > 0 ? pickOf(RESULTS) : null;
        String callId = "CALL".equals(agentOrigin) && r.nextDouble() < 0.9 ? "CL" + Long.toString(created, 36).toUpperCase() : null;
        Long nextEscalate = !isOpen || fin == Status.COMPLETED ? null : level >= 3 ? null : (Long) (deadline + level * esc);
        int priority = switch (urgency) {
            case "CRITICAL" -> 20;
            case "URGENT" -> 10;
            default -> 0;
        } + level + (superviseAction ? 1 : 0);
        Step last = steps.get(steps.size() - 1);
        Person lastOp = last.by;
        String stationPath = station.path();
        String finalPath = withStation ? stationPath : sub.path();
        String formJson = "REPAIR".equals(type) ? "{\"roomTemp\":" + (14 + r.nextInt(6)) + ",\"faultPart\":\"暖气片\"}" : null;

        Object[] row = new Object[TICKET_COLS.length];
        int k = 0;
        row[k++] = id;
        row[k++] = ticketNo;
        row[k++] = type;
        row[k++] = source;
        row[k++] = urgency;
        row[k++] = priority;
        row[k++] = fin.name();
        row[k++] = node(fin);
        row[k++] = null;
        row[k++] = title;
        row[k++] = content;
        row[k++] = formJson;
        row[k++] = hh.id();
        row[k++] = hh.code();
        row[k++] = hh.unitId();
        row[k++] = hh.nodePath();
        row[k++] = hh.address();
        row[k++] = hh.owner();
        row[k++] = hh.owner();
        row[k++] = hh.phoneEnc();
        row[k++] = hh.phoneIdx();
        row[k++] = hh.phoneMask();
        row[k++] = withStation ? station.id() : null;
        row[k++] = withStation ? station.name() : null;
        row[k++] = withWorker ? worker.id() : null;
        row[k++] = withWorker ? worker.name() : null;
        row[k++] = new Ts(deadline);
        row[k++] = new Ts(warnAt);
        row[k++] = dl.ruleId();
        row[k++] = warnAt <= Math.min(now, doneAt) ? 1 : 0;
        row[k++] = completedAt > 0 ? new Ts(completedAt + world.visitDueHours * 3_600_000L) : null;
        row[k++] = level;
        row[k++] = nextEscalate == null ? null : new Ts(nextEscalate);
        row[k++] = supervised || superviseAction ? 1 : 0;
        row[k++] = overLevel ? 1 : 0;
        row[k++] = urges;
        row[k++] = 0;
        row[k++] = null;
        row[k++] = null;
        row[k++] = handling;
        row[k++] = visitedAt > 0 ? "SATISFIED" : null;
        row[k++] = visitedAt > 0 ? visitSatisfaction : null;
        row[k++] = ts(dispatchedAt);
        row[k++] = withWorker ? ts(acceptedAt) : null;
        row[k++] = ts(firstResponse);
        row[k++] = ts(completedAt);
        row[k++] = ts(visitedAt);
        row[k++] = ts(closedAt);
        row[k++] = callId;
        row[k++] = null;
        row[k++] = sub.id();
        row[k++] = finalPath;
        row[k++] = steps.size() - 1;
        row[k++] = agent.id();
        row[k++] = agent.name();
        row[k++] = new Ts(created);
        row[k++] = lastOp == null || lastOp.id() == 0 ? null : lastOp.id();
        row[k++] = new Ts(created + last.at);
        // history and visits at their own times: flush those that happened before this ticket was created
        while (!pending.isEmpty() && pending.peek().at <= created) {
            emit(pending.poll());
        }
        ticketSink.row(row);

        // ---- timeline rows (and the visit record) queued at their times
        String path = sub.path();
        Status cur = null;
        String curNode = null;
        maxHistory = Math.max(maxHistory, steps.size());
        for (Step st : steps) {
            Status from = st.from == null ? cur : st.from;
            Status to = st.to == null ? cur : st.to;
            if ("DISPATCH".equals(st.action)) {
                path = stationPath;
            } else if ("RETURN".equals(st.action)) {
                path = sub.path();
            }
            String toNode = to == null ? null : node(to);
            String detail = switch (st.action) {
                case "CREATE" -> supervised ? "督办工单" : overLevel ? "越级投诉，集团直接介入" : null;
                case "DISPATCH" -> "派至 " + station.name();
                case "CONFIRM" -> "维修站已确认";
                case "ASSIGN" -> worker == null ? null : "分派给 " + worker.name() + "（" + worker.jobNumber() + "）";
                case "RETURN" -> "由 " + station.name() + " 退回客服中心";
                case "COMPLETE", "DESK_RESOLVE" -> handling;
                case "VISIT" -> "回访结果：满意（" + visitSatisfaction + " 分）";
                case "CLOSE_WITHOUT_VISIT" -> "免回访处结";
                case "ESCALATE" -> "超时自动升级（" + (extraLevel(steps, st)) + " 级），优先级提升";
                case "SUPERVISE" -> "发起督办";
                case "URGE" -> "第 1 次催办";
                default -> null;
            };
            String reason = switch (st.action) {
                case "RETURN" -> "不属于本站服务区域";
                case "VOID" -> "重复工单";
                case "CANCEL" -> "客户来电取消";
                case "CLOSE_WITHOUT_VISIT" -> "客户明确表示无需回访";
                case "SUPERVISE" -> "投诉多次未解决";
                default -> null;
            };
            String note = switch (st.action) {
                case "NOTE" -> "客户来电询问处理进度";
                case "URGE" -> "客户再次来电催促";
                default -> null;
            };
            Person by = st.by;
            Object[] h = new Object[HISTORY_COLS.length];
            h[1] = id;
            h[2] = st.action;
            h[3] = from == null ? null : from.name();
            h[4] = to == null ? null : to.name();
            h[5] = "CREATE".equals(st.action) ? null : curNode;
            h[6] = toNode;
            h[7] = reason;
            h[8] = note;
            h[9] = detail;
            h[10] = by == null || by.id() == 0 ? null : by.id();
            h[11] = by == null ? "系统" : by.name();
            h[12] = st.origin;
            h[13] = by == null ? null : "10.20." + (by.id() % 200) + "." + (by.id() % 250 + 1);
            h[14] = null;
            h[15] = sub.id();
            h[16] = path;
            long at = created + st.at;
            h[17] = new Ts(at);
            pending.add(new Event(at, eventSeq++, 0, h));
            if ("VISIT".equals(st.action)) {
                Object[] v = new Object[VISIT_COLS.length];
                v[1] = id;
                v[2] = "SATISFIED";
                v[3] = visitSatisfaction;
                v[4] = visitTemplates.length == 0 ? null : visitTemplates[r.nextInt(visitTemplates.length)];
                v[5] = "{\"q1\":\"" + visitSatisfaction + "\",\"q2\":\"是\"}";
                v[6] = "客户对处理结果满意";
                v[7] = null;
                v[8] = callId;
                v[9] = agent.id();
                v[10] = agent.name();
                v[11] = sub.id();
                v[12] = path;
                v[13] = new Ts(at);
                pending.add(new Event(at, eventSeq++, 1, v));
            }
            cur = to;
            curNode = toNode;
        }
    }

    private static int extraLevel(List<Step> steps, Step esc) {
        int n = 0;
        for (Step s : steps) {
            if ("ESCALATE".equals(s.action)) {
                n++;
            }
            if (s == esc) {
                return n;
            }
        }
        return n;
    }

    private void emit(Event e) throws Exception {
        if (e.kind == 0) {
            e.row[0] = snowflake(e.at, 1);
            historySink.row(e.row);
        } else {
            e.row[0] = snowflake(e.at, 0);
            visitSink.row(e.row);
        }
    }

    /** a snowflake id of the given time; worker 1021 + w, which the application's lease never hands out */
    private long snowflake(long at, int w) {
        long ms = Math.max(at, lastMs[w]);
        if (ms == lastMs[w]) {
            seq[w]++;
            if (seq[w] > 4095) {
                ms++;
                seq[w] = 0;
            }
        } else {
            seq[w] = 0;
        }
        lastMs[w] = ms;
        return ((ms - SNOWFLAKE_EPOCH) << 22) | ((1021L + w) << 12) | seq[w];
    }

    private record Step(long at, String action, Status from, Status to, Person by, String origin) {
        Step at(long newAt) {
            return new Step(newAt, action, from, to, by, origin);
        }
    }

    private Status openStatus(double ageDays, boolean workers) {
        Status s;
        double x = r.nextDouble();
        if (ageDays < 0.1) {
            s = x < 0.25 ? Status.PENDING_DISPATCH : x < 0.55 ? Status.DISPATCHED : x < 0.70 ? Status.CONFIRMED
                    : x < 0.85 ? Status.ASSIGNED : x < 0.90 ? Status.ACCEPTED : x < 0.95 ? Status.IN_PROGRESS : Status.COMPLETED;
        } else {
            s = x < 0.05 ? Status.PENDING_DISPATCH : x < 0.09 ? Status.RETURNED : x < 0.17 ? Status.DISPATCHED
                    : x < 0.27 ? Status.CONFIRMED : x < 0.35 ? Status.ASSIGNED : x < 0.43 ? Status.ACCEPTED
                    : x < 0.60 ? Status.IN_PROGRESS : Status.COMPLETED;
        }
        if (!workers && (s == Status.ASSIGNED || s == Status.ACCEPTED || s == Status.IN_PROGRESS)) {
            // stations without workers in the demo: the lead records the handling himself
            s = Status.CONFIRMED;
        }
        return s;
    }

    private Status closedStatus() {
        double x = r.nextDouble();
        return x < 0.95 ? Status.CLOSED : x < 0.98 ? Status.VOIDED : Status.CANCELLED;
    }

    private static String node(Status s) {
        return switch (s) {
            case PENDING_DISPATCH -> "ACCEPT";
            case DISPATCHED, CONFIRMED, RETURNED -> "DISPATCH";
            case ASSIGNED, ACCEPTED, IN_PROGRESS -> "HANDLE";
            case COMPLETED -> "VISIT";
            case CLOSED, VOIDED, CANCELLED -> "CLOSE";
        };
    }

    private long minutes(int from, int to) {
        return (from + r.nextLong(to - from + 1)) * 60_000L + r.nextLong(60_000);
    }

    private long between(long a, long b) {
        return b <= a ? a : a + r.nextLong(b - a);
    }

    private static long stepAt(List<Step> steps, long created, String action) {
        for (Step s : steps) {
            if (s.action.equals(action)) {
                return created + s.at;
            }
        }
        return 0;
    }

    private static Ts ts(long ms) {
        return ms <= 0 ? null : new Ts(ms);
    }

    private <T> T pickOf(T[] a) {
        return a[r.nextInt(a.length)];
    }

    private int pick(double[] cum) {
        double x = r.nextDouble() * cum[cum.length - 1];
        for (int i = 0; i < cum.length; i++) {
            if (x < cum[i]) {
                return i;
            }
        }
        return cum.length - 1;
    }

    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }

    // ------------------------------------------------------------------ counters, indexes

    /** the per-subsidiary, per-day ticket counters the application continues from */
    private void writeCounters(Connection c) throws Exception {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        List<Sub> subs = new ArrayList<>(world.subs.values());
        try (PreparedStatement del = c.prepareStatement("DELETE FROM sd_ticket_seq WHERE subsidiary_id = ? AND seq_day = ?");
             PreparedStatement ins = c.prepareStatement(
                     "INSERT INTO sd_ticket_seq (subsidiary_id, seq_day, last_no, org_path) VALUES (?, ?, ?, ?)")) {
            for (int si = 0; si < subs.size(); si++) {
                for (int d = 0; d < 366; d++) {
                    if (dayCounters[si][d] == 0) {
                        continue;
                    }
                    del.setLong(1, subs.get(si).id());
                    del.setString(2, dayCodes[d]);
                    del.executeUpdate();
                    ins.setLong(1, subs.get(si).id());
                    ins.setString(2, dayCodes[d]);
                    ins.setInt(3, dayCounters[si][d]);
                    ins.setString(4, subs.get(si).path());
                    ins.addBatch();
                }
            }
            ins.executeBatch();
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    private static final List<String> TABLES = List.of("sd_ticket", "sd_ticket_history", "sd_visit");

    /** saves and drops every index of the seeded tables except the primary keys; {kind, table, name, definition} */
    private static List<String[]> dropSecondaryIndexes(Connection c) throws Exception {
        List<String[]> saved = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT con.conname, rel.relname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                    + "JOIN pg_class rel ON rel.oid = con.conrelid WHERE con.contype = 'u' AND rel.relname IN ('sd_ticket','sd_ticket_history','sd_visit')")) {
                while (rs.next()) {
                    saved.add(new String[]{"constraint", rs.getString(2), rs.getString(1), rs.getString(3)});
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT i.indexname, i.tablename, i.indexdef FROM pg_indexes i "
                    + "WHERE i.tablename IN ('sd_ticket','sd_ticket_history','sd_visit') AND i.schemaname = current_schema() "
                    + "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conname = i.indexname)")) {
                while (rs.next()) {
                    saved.add(new String[]{"index", rs.getString(2), rs.getString(1), rs.getString(3)});
                }
            }
            for (String[] d : saved) {
                s.execute(d[0].equals("constraint") ? "ALTER TABLE " + d[1] + " DROP CONSTRAINT " + d[2] : "DROP INDEX " + d[2]);
            }
        }
        return saved;
    }

    private static void recreate(Connection c, List<String[]> saved) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '1GB'");
            for (String[] d : saved) {
                s.execute(d[0].equals("constraint") ? "ALTER TABLE " + d[1] + " ADD CONSTRAINT " + d[2] + " " + d[3] : d[3]);
            }
        }
    }
}
