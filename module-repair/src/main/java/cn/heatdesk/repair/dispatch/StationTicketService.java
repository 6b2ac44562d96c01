package cn.heatdesk.repair.dispatch;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.repair.support.CodeList;
import cn.heatdesk.repair.worker.Skill;
import cn.heatdesk.repair.worker.SkillService;
import cn.heatdesk.repair.worker.Worker;
import cn.heatdesk.repair.worker.WorkerArea;
import cn.heatdesk.repair.worker.WorkerService;
import cn.heatdesk.repair.worker.WorkerType;
import cn.heatdesk.repair.worker.WorkerViews;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketPool;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketView;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The station side of work orders (维修站负责人): the 待分派 / 已分派 pools, the station's actions and assignment
 * suggestions. Everything about a ticket goes through the service desk's {@link TicketApi}: its data scope puts a
 * dispatched ticket under the station, so a lead sees and touches only their own station's tickets; its state
 * machine, optimistic lock, timeline and notifications (assign/reassign notify the workers) apply unchanged.
 * Nothing here writes a table in its own transaction, so a refused action leaves nothing behind.
 */
@Service
public class StationTicketService {

    static final Set<String> TIMINGS = Set.of("NORMAL", "NEAR", "OVERDUE");
    private static final int MAX_TEXT = 500;
    private static final int MAX_DURATION_MINUTES = 60 * 24 * 7;

    private final TicketApi tickets;
    private final WorkerService workers;
    private final SkillService skills;
    private final UserApi users;
    private final HouseholdApi households;

    public StationTicketService(TicketApi tickets, WorkerService workers, SkillService skills, UserApi users,
                                HouseholdApi households) {
        this.tickets = tickets;
        this.workers = workers;
        this.skills = skills;
        this.users = users;
        this.households = households;
    }

    // ---- pools -------------------------------------------------------------------------------------------------

    public PageResult<TicketRow> page(StationTicketQuery q, PageQuery query) {
        return tickets.search(filter(q, pool(q.getPool()), q.getTiming()), query);
    }

    public StationViews.Counts counts(Long stationOrgId) {
        StationTicketQuery q = new StationTicketQuery();
        q.setStationOrgId(stationOrgId);
        return new StationViews.Counts(
                total(filter(q, TicketPool.STATION_PENDING, null)),
                total(filter(q, TicketPool.STATION_ASSIGNED, null)),
                total(filter(q, TicketPool.STATION_PENDING, "OVERDUE")),
                total(filter(q, TicketPool.STATION_ASSIGNED, "OVERDUE")));
    }

    private long total(TicketFilter f) {
        PageQuery one = new PageQuery();
        one.setSize(1);
        return tickets.search(f, one).total();
    }

    static TicketPool pool(String name) {
        if (name == null || name.isBlank()) {
            return TicketPool.STATION_PENDING;
        }
        return switch (name.strip()) {
            case "STATION_PENDING" -> TicketPool.STATION_PENDING;
            case "STATION_ASSIGNED" -> TicketPool.STATION_ASSIGNED;
            default -> throw BizException.invalid("pool", "工单池只能是 STATION_PENDING（待分派）或 STATION_ASSIGNED（已分派）");
        };
    }

    static TicketFilter filter(StationTicketQuery q, TicketPool pool, String timing) {
        String t = blankToNull(timing);
        if (t != null && !TIMINGS.contains(t)) {
            throw BizException.invalid("timing", "时限状态只能是 NORMAL（正常）、NEAR（临期）或 OVERDUE（超时）");
        }
        if (q.getCreatedFrom() != null && q.getCreatedTo() != null && q.getCreatedFrom().isAfter(q.getCreatedTo())) {
            throw BizException.invalid("createdFrom", "开始时间不能晚于结束时间");
        }
        return new TicketFilter(blankToNull(q.getTicketNo()), blankToNull(q.getKeyword()), null,
                blankToNull(q.getTicketType()), null, blankToNull(q.getUrgency()), q.getSupervised(), q.getOverLevel(),
                null, null, q.getStationOrgId(), q.getWorkerId(), null, null, pool, t, null, q.getCreatedFrom(),
                q.getCreatedTo(), q.getDeadlineBefore());
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    /**
     * Checks that the action is the station's and the user may do it, that the ticket is with a station the user
     * sees, and (assign/reassign) that the worker is an on-duty worker of that station; then hands the command to
     * the ticket core, whose row lock and version check decide between concurrent leads.
     */
    public TicketView perform(long ticketId, StationCommand c) {
        CurrentUser me = SecurityContext.require();
        if (c == null) {
            throw BizException.invalid("action", "请指定操作");
        }
        TicketAction action = StationActions.require(c.action(), me);
        if (c.expectedVersion() == null) {
            throw BizException.invalid("expectedVersion", "缺少工单版本号，请刷新后重试");
        }
        String reason = limited(c.reason(), "reason", "原因");
        String note = limited(c.note(), "note", "说明");
        switch (action) {
            case REASSIGN, RETURN, VOID, CANCEL, DELAY -> {
                if (reason == null) {
                    throw BizException.invalid("reason", "请填写" + action.label() + "原因");
                }
            }
            case REPORT_PROGRESS -> {
                if (note == null) {
                    throw BizException.invalid("note", "请填写上报的处理进度");
                }
            }
            case NOTE -> {
                if (note == null) {
                    throw BizException.invalid("note", "请填写备注内容");
                }
            }
            default -> {
            }
        }
        Map<String, Object> fields = switch (action) {
            case COMPLETE, CLOSE_DIRECT -> handling(c.fields());
            default -> null;
        };
        if (action == TicketAction.CLOSE_DIRECT && reason == null) {
            throw BizException.invalid("reason", "请填写直接处结的原因");
        }

        // scoped read: a ticket of another station is "not found" for a lead
        TicketRow row = tickets.detail(ticketId).ticket();
        if (row.stationOrgId() == null) {
            throw BizException.conflict("工单" + row.ticketNo() + "当前不在维修站（" + row.statusLabel() + "），不能执行“"
                    + action.label() + "”");
        }
        if (StationActions.WORKER_ACTIONS.contains(action)) {
            requireAssignable(c.workerId(), row);
        }
        TicketCommand cmd = new TicketCommand(action, c.expectedVersion(), reason, note, null,
                StationActions.WORKER_ACTIONS.contains(action) ? c.workerId() : null,
                action == TicketAction.DELAY ? c.extendMinutes() : null, null, null, null,
                action == TicketAction.DELAY ? c.deadline() : null, fields);
        return tickets.perform(ticketId, cmd, TicketOrigin.WEB);
    }

    private void requireAssignable(Long workerId, TicketRow row) {
        if (workerId == null) {
            throw BizException.invalid("workerId", "请选择维修人员");
        }
        UserInfo u = users.find(workerId).orElseThrow(() -> BizException.invalid("workerId", "维修人员不存在"));
        Worker w = workers.byUser(workerId).orElse(null);
        if (w == null || !Objects.equals(w.getStationOrgId(), row.stationOrgId())) {
            throw BizException.invalid("workerId", u.realName() + " 不是" + row.stationName()
                    + "的维修人员，请先在“维修人员”中为其建立档案");
        }
        if (!u.enabled()) {
            throw BizException.invalid("workerId", u.realName() + " 的账号已停用");
        }
        if (!Objects.equals(u.orgId(), row.stationOrgId())) {
            throw BizException.invalid("workerId", u.realName() + " 已调离" + row.stationName());
        }
        if (w.getOnDuty() == null || w.getOnDuty() != 1) {
            throw BizException.invalid("workerId", u.realName() + " 当前不在岗，请先在“维修人员”中设为在岗");
        }
    }

    /** handling record of COMPLETE / CLOSE_DIRECT: result (mandatory), parts, duration in minutes */
    static Map<String, Object> handling(Map<String, Object> in) {
        Map<String, Object> f = in == null ? Map.of() : in;
        String result = f.get("handlingResult") == null ? null : blankToNull(f.get("handlingResult").toString());
        if (result == null) {
            throw BizException.invalid("handlingResult", "请填写处理结果");
        }
        if (result.length() > 1000) {
            throw BizException.invalid("handlingResult", "处理结果不能超过 1000 个字");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("handlingResult", result);
        String parts = f.get("parts") == null ? null : blankToNull(f.get("parts").toString());
        if (parts != null) {
            if (parts.length() > MAX_TEXT) {
                throw BizException.invalid("parts", "更换配件不能超过 " + MAX_TEXT + " 个字");
            }
            out.put("parts", parts);
        }
        Object d = f.get("durationMinutes");
        if (d != null && !d.toString().isBlank()) {
            int minutes;
            try {
                minutes = new BigDecimal(d.toString().strip()).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw BizException.invalid("durationMinutes", "处理用时请填写整数分钟");
            }
            if (minutes < 0 || minutes > MAX_DURATION_MINUTES) {
                throw BizException.invalid("durationMinutes", "处理用时应在 0 到 " + MAX_DURATION_MINUTES + " 分钟之间");
            }
            out.put("durationMinutes", minutes);
        }
        return out;
    }

    // ---- suggestions -------------------------------------------------------------------------------------------

    /** the station's workers for one ticket, best first, each with load, skills, area and the reasons of its score */
    public StationViews.Candidates candidates(long ticketId) {
        TicketView view = tickets.detail(ticketId);
        TicketRow row = view.ticket();
        if (row.stationOrgId() == null) {
            throw BizException.conflict("工单" + row.ticketNo() + "尚未派到维修站，没有可分派的人员");
        }
        String householdPath = view.householdId() == null ? null
                : households.find(view.householdId()).map(HouseholdSummary::nodePath).orElse(null);
        List<Worker> list = workers.ofStation(row.stationOrgId());
        List<Long> userIds = list.stream().map(Worker::getUserId).toList();
        Map<Long, UserInfo> userById = userIds.isEmpty() ? Map.of() : users.findAll(userIds).stream()
                .collect(Collectors.toMap(UserInfo::id, Function.identity(), (a, b) -> a));
        Map<Long, Integer> load = userIds.isEmpty() ? Map.of() : tickets.openLoadByWorker(userIds);
        Map<Long, List<WorkerArea>> areas = workers.areasOf(list.stream().map(Worker::getId).toList());
        Map<String, Skill> skillRows = skills.byCode();
        Map<String, CandidateScorer.SkillFacts> skillFacts = new LinkedHashMap<>();
        skillRows.forEach((code, s) -> skillFacts.put(code, new CandidateScorer.SkillFacts(code, s.getSkillName(),
                new HashSet<>(CodeList.split(s.getTicketTypes())), s.getEnabled() != null && s.getEnabled() == 1)));

        record Scored(StationViews.Candidate view, CandidateScorer.WorkerFacts facts, CandidateScorer.Result result) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Worker w : list) {
            UserInfo u = userById.get(w.getUserId());
            List<WorkerArea> own = areas.getOrDefault(w.getId(), List.of());
            List<String> skillCodes = CodeList.split(w.getSkillCodes());
            CandidateScorer.WorkerFacts facts = new CandidateScorer.WorkerFacts(w.getUserId(),
                    u == null ? "用户" + w.getUserId() : u.realName(), skillCodes,
                    own.stream().map(a -> new CandidateScorer.Area(a.getNodeId(), a.getNodeName())).toList(),
                    w.getOnDuty() != null && w.getOnDuty() == 1, w.getMaxLoad() == null ? 8 : w.getMaxLoad(),
                    load.getOrDefault(w.getUserId(), 0), u != null && u.enabled(),
                    u != null && Objects.equals(u.orgId(), row.stationOrgId()));
            CandidateScorer.Result r = CandidateScorer.score(row.ticketType(), householdPath, row.workerId(), facts, skillFacts);
            StationViews.Candidate c = new StationViews.Candidate(w.getId(), w.getUserId(), facts.realName(),
                    u == null ? null : u.username(), u == null ? null : u.jobNumber(), w.getWorkerType(),
                    WorkerType.labelOf(w.getWorkerType()),
                    skillCodes.stream().map(code -> new WorkerViews.SkillRef(code,
                            skillRows.containsKey(code) ? skillRows.get(code).getSkillName() : code)).toList(),
                    r.matchedSkills(),
                    own.stream().map(a -> new WorkerViews.AreaView(a.getNodeId(), a.getNodeType(), a.getNodeName(),
                            a.getNodePath())).toList(),
                    r.matchedArea() == null ? null : CandidateScorer.shortName(r.matchedArea().nodeName()),
                    facts.onDuty(), facts.openLoad(), facts.maxLoad(), r.score(), r.reasons(), r.assignable(),
                    r.blockedReason());
            scored.add(new Scored(c, facts, r));
        }
        scored.sort(CandidateScorer.order(Scored::result, Scored::facts));
        return new StationViews.Candidates(row.id(), row.ticketNo(), row.ticketType(), row.ticketTypeLabel(),
                row.stationOrgId(), row.stationName(), row.workerId(), householdPath,
                scored.stream().map(Scored::view).toList());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String limited(String s, String field, String label) {
        String v = blankToNull(s);
        if (v != null && v.length() > MAX_TEXT) {
            throw BizException.invalid(field, label + "不能超过 " + MAX_TEXT + " 个字");
        }
        return v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
