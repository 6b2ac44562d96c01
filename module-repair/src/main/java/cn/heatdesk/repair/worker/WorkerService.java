package cn.heatdesk.repair.worker;

import cn.heatdesk.baseinfo.api.CoverageApi;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.repair.support.CodeList;
import cn.heatdesk.repair.support.RepairScope;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Worker profiles (维修员 / 网格员) of the repair stations: which station a WORKER user serves, skills, service
 * area, duty and the load limit. A profile's org path is its station's, so station leads manage exactly their own
 * crew. Names, accounts and org membership stay with settings (UserApi); open load is live from the service desk.
 */
@Service
public class WorkerService {

    public static final String WORKER_ROLE = "WORKER";
    public static final String REPAIR_STATION = "REPAIR_STATION";
    static final int DEFAULT_MAX_LOAD = 8;
    static final Map<String, String> SORTS = Map.of("createdAt", "w.created_at", "updatedAt", "w.updated_at",
            "maxLoad", "w.max_load", "workerType", "w.worker_type");
    private static final Pattern NODE_PATH = Pattern.compile("^/(\\d+/)+$");

    private final WorkerMapper workers;
    private final WorkerAreaMapper areas;
    private final SkillService skills;
    private final UserApi users;
    private final OrgApi orgs;
    private final CoverageApi coverage;
    private final TicketApi tickets;
    private final IdGenerator ids;

    public WorkerService(WorkerMapper workers, WorkerAreaMapper areas, SkillService skills, UserApi users, OrgApi orgs,
                         CoverageApi coverage, TicketApi tickets, IdGenerator ids) {
        this.workers = workers;
        this.areas = areas;
        this.skills = skills;
        this.users = users;
        this.orgs = orgs;
        this.coverage = coverage;
        this.tickets = tickets;
        this.ids = ids;
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<WorkerViews.WorkerView> page(WorkerFilter f, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "w.station_org_id, w.created_at") + ", w.id";
        if (f.getWorkerType() != null && f.getWorkerType().isBlank()) {
            f.setWorkerType(null);
        }
        if (f.getWorkerType() != null) {
            f.setWorkerType(requireType(f.getWorkerType(), "workerType").name());
        }
        f.setSkillLike(f.getSkill() == null || f.getSkill().isBlank() ? null : CodeList.containsPattern(f.getSkill().strip()));
        PageResult<Worker> page = Paging.page(query, () -> workers.list(f, orderBy));
        List<WorkerViews.WorkerView> views = views(page.records());
        return new PageResult<>(views, page.total(), page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public WorkerViews.WorkerView get(long id) {
        return views(List.of(scoped(id))).get(0);
    }

    /** WORKER users of the station (in the caller's scope) that have no profile yet */
    @Transactional(readOnly = true)
    public List<WorkerViews.UnprofiledUser> unprofiled(long stationOrgId) {
        OrgInfo station = requireStation(stationOrgId, "stationOrgId");
        requireCovered(station);
        List<WorkerViews.UnprofiledUser> out = new ArrayList<>();
        for (UserInfo u : users.usersWithRole(WORKER_ROLE, station.id(), false)) {
            if (workers.selectByUserIdUnscoped(u.id()) == null) {
                out.add(new WorkerViews.UnprofiledUser(u.id(), u.username(), u.realName(), u.jobNumber(), u.orgId(),
                        u.orgName()));
            }
        }
        return out;
    }

    /** the station's profiles, unscoped: the caller already checked the ticket or station */
    @Transactional(readOnly = true)
    public List<Worker> ofStation(long stationOrgId) {
        return workers.selectByStationUnscoped(stationOrgId);
    }

    @Transactional(readOnly = true)
    public Optional<Worker> byUser(long userId) {
        return Optional.ofNullable(workers.selectByUserIdUnscoped(userId));
    }

    @Transactional(readOnly = true)
    public Map<Long, List<WorkerArea>> areasOf(Collection<Long> workerIds) {
        if (workerIds.isEmpty()) {
            return Map.of();
        }
        return areas.selectByWorkerIds(workerIds).stream()
                .collect(Collectors.groupingBy(WorkerArea::getWorkerId, LinkedHashMap::new, Collectors.toList()));
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Transactional
    public WorkerViews.WorkerView create(WorkerRequests.Create req) {
        CurrentUser me = SecurityContext.require();
        UserInfo user = users.find(req.userId()).orElseThrow(() -> BizException.invalid("userId", "人员不存在"));
        if (!user.enabled()) {
            throw BizException.invalid("userId", "账号“" + user.realName() + "”已停用，不能建立人员档案");
        }
        OrgInfo station = requireStation(user.orgId(), "userId");
        requireCovered(station);
        boolean isWorker = users.usersWithRole(WORKER_ROLE, station.id(), false).stream()
                .anyMatch(u -> u.id().equals(user.id()));
        if (!isWorker) {
            throw BizException.invalid("userId", "“" + user.realName() + "”没有“维修员/网格员”角色，请先在用户管理中分配角色");
        }
        if (workers.selectByUserIdUnscoped(user.id()) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "“" + user.realName() + "”已有人员档案，请直接编辑", "userId");
        }
        LocalDateTime now = LocalDateTime.now();
        Worker w = new Worker();
        w.setId(ids.nextId());
        w.setUserId(user.id());
        w.setStationOrgId(station.id());
        w.setWorkerType(requireType(req.workerType(), "workerType").name());
        w.setSkillCodes(CodeList.join(skills.requireEnabled(req.skills())));
        w.setOnDuty(req.onDuty() == null || req.onDuty() ? 1 : 0);
        w.setMaxLoad(req.maxLoad() == null ? DEFAULT_MAX_LOAD : req.maxLoad());
        w.setRemark(blankToNull(req.remark()));
        w.setSubsidiaryId(station.subsidiaryId());
        w.setOrgPath(station.orgPath());
        w.setRowVersion(0);
        w.setCreatedBy(me.userId());
        w.setCreatedAt(now);
        w.setUpdatedBy(me.userId());
        w.setUpdatedAt(now);
        workers.insert(w);
        writeAreas(w, station, req.areas(), me.userId(), now);
        return get(w.getId());
    }

    @Transactional
    public WorkerViews.WorkerView update(long id, WorkerRequests.Update req) {
        CurrentUser me = SecurityContext.require();
        Worker w = scoped(id);
        if (!Objects.equals(w.getRowVersion(), req.rowVersion())) {
            throw BizException.conflict("人员档案已被他人修改，请刷新后重试");
        }
        OrgInfo station = orgs.find(w.getStationOrgId()).orElseThrow(() -> BizException.notFound("维修站"));
        LocalDateTime now = LocalDateTime.now();
        w.setWorkerType(requireType(req.workerType(), "workerType").name());
        w.setSkillCodes(CodeList.join(skills.requireEnabled(req.skills())));
        w.setOnDuty(req.onDuty() == null ? w.getOnDuty() : req.onDuty() ? 1 : 0);
        w.setMaxLoad(req.maxLoad() == null ? w.getMaxLoad() : req.maxLoad());
        w.setRemark(blankToNull(req.remark()));
        w.setUpdatedBy(me.userId());
        w.setUpdatedAt(now);
        if (workers.update(w) != 1) {
            throw BizException.conflict("人员档案已被他人修改，请刷新后重试");
        }
        areas.deleteByWorker(w.getId());
        writeAreas(w, station, req.areas(), me.userId(), now);
        return get(w.getId());
    }

    @Transactional
    public WorkerViews.WorkerView duty(long id, boolean onDuty) {
        Worker w = scoped(id);
        workers.updateDuty(w.getId(), onDuty ? 1 : 0, SecurityContext.require().userId(), LocalDateTime.now());
        return get(w.getId());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Worker scoped(long id) {
        Worker w = workers.selectById(id);
        if (w == null) {
            throw BizException.notFound("人员档案");
        }
        return w;
    }

    /**
     * Replaces the service area. Each node must lie in the station's coverage (base information decides: the
     * deepest coverage mapping on the node's path is this station), and its id path must end with its own id.
     */
    private void writeAreas(Worker w, OrgInfo station, List<WorkerRequests.AreaPick> picks, long by, LocalDateTime now) {
        if (picks == null) {
            return;
        }
        Map<Long, WorkerRequests.AreaPick> unique = new LinkedHashMap<>();
        for (WorkerRequests.AreaPick p : picks) {
            if (p == null || p.nodeId() == null) {
                throw BizException.invalid("areas", "请选择区域节点");
            }
            unique.putIfAbsent(p.nodeId(), p);
        }
        for (WorkerRequests.AreaPick p : unique.values()) {
            String path = p.nodePath() == null ? "" : p.nodePath().strip();
            String label = p.nodeName() == null || p.nodeName().isBlank() ? "节点" + p.nodeId() : p.nodeName().strip();
            if (!NODE_PATH.matcher(path).matches() || !path.endsWith("/" + p.nodeId() + "/")) {
                throw BizException.invalid("areas", "区域“" + label + "”的节点路径不正确，请重新选择");
            }
            Optional<Long> serving = coverage.stationForNode(p.nodeId());
            if (serving.isEmpty() || !serving.get().equals(station.id())) {
                throw BizException.invalid("areas", "“" + label + "”不在" + station.orgName()
                        + "的服务范围内，只能选择本站负责的小区、楼栋或单元");
            }
            WorkerArea a = new WorkerArea();
            a.setId(ids.nextId());
            a.setWorkerId(w.getId());
            a.setNodeId(p.nodeId());
            a.setNodePath(path);
            a.setNodeType(blankToNull(p.nodeType()));
            a.setNodeName(label);
            a.setSubsidiaryId(w.getSubsidiaryId());
            a.setOrgPath(w.getOrgPath());
            a.setCreatedBy(by);
            a.setCreatedAt(now);
            areas.insert(a);
        }
    }

    private List<WorkerViews.WorkerView> views(List<Worker> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> userIds = list.stream().map(Worker::getUserId).toList();
        Map<Long, UserInfo> userById = users.findAll(userIds).stream()
                .collect(Collectors.toMap(UserInfo::id, Function.identity(), (a, b) -> a));
        Map<Long, Integer> load = tickets.openLoadByWorker(userIds);
        Map<Long, List<WorkerArea>> areaMap = areasOf(list.stream().map(Worker::getId).toList());
        Map<String, Skill> skillMap = skills.byCode();
        Map<Long, Optional<OrgInfo>> stations = new HashMap<>();
        List<WorkerViews.WorkerView> out = new ArrayList<>(list.size());
        for (Worker w : list) {
            UserInfo u = userById.get(w.getUserId());
            Optional<OrgInfo> st = stations.computeIfAbsent(w.getStationOrgId(), orgs::find);
            out.add(view(w, u, st.map(OrgInfo::orgName).orElse(null), load.getOrDefault(w.getUserId(), 0),
                    areaMap.getOrDefault(w.getId(), List.of()), skillMap));
        }
        return out;
    }

    static WorkerViews.WorkerView view(Worker w, UserInfo u, String stationName, int openLoad, List<WorkerArea> areaList,
                                       Map<String, Skill> skillMap) {
        List<WorkerViews.SkillRef> skillRefs = CodeList.split(w.getSkillCodes()).stream()
                .map(c -> new WorkerViews.SkillRef(c, skillMap.containsKey(c) ? skillMap.get(c).getSkillName() : c))
                .toList();
        List<WorkerViews.AreaView> areaViews = areaList.stream()
                .map(a -> new WorkerViews.AreaView(a.getNodeId(), a.getNodeType(), a.getNodeName(), a.getNodePath()))
                .toList();
        return new WorkerViews.WorkerView(w.getId(), w.getUserId(), u == null ? null : u.username(),
                u == null ? "用户" + w.getUserId() : u.realName(), u == null ? null : u.jobNumber(),
                u != null && u.enabled(), u == null || !Objects.equals(u.orgId(), w.getStationOrgId()),
                w.getStationOrgId(), stationName, w.getWorkerType(), WorkerType.labelOf(w.getWorkerType()), skillRefs,
                areaViews, w.getOnDuty() != null && w.getOnDuty() == 1, w.getMaxLoad() == null ? DEFAULT_MAX_LOAD : w.getMaxLoad(),
                openLoad, w.getRemark(), w.getRowVersion(), w.getCreatedAt(), w.getUpdatedAt());
    }

    private OrgInfo requireStation(Long orgId, String field) {
        OrgInfo org = orgId == null ? null : orgs.find(orgId).orElse(null);
        if (org == null) {
            throw BizException.invalid(field, "维修站不存在");
        }
        if (!REPAIR_STATION.equals(org.orgType())) {
            throw BizException.invalid(field, "“" + org.orgName() + "”不是维修站，人员档案只能建在维修站下");
        }
        return org;
    }

    private static void requireCovered(OrgInfo station) {
        if (!RepairScope.covers(SecurityContext.current().orElse(null), station.subsidiaryId(), station.orgPath())) {
            throw BizException.forbidden("无权管理“" + station.orgName() + "”的人员");
        }
    }

    static WorkerType requireType(String s, String field) {
        return WorkerType.parse(s).orElseThrow(() -> BizException.invalid(field, "人员类型只能是维修员（REPAIR）或网格员（GRID）"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
