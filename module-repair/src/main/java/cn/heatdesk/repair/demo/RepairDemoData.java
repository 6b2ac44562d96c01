package cn.heatdesk.repair.demo;

import cn.heatdesk.baseinfo.api.CoverageApi;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.repair.support.CodeList;
import cn.heatdesk.repair.worker.Worker;
import cn.heatdesk.repair.worker.WorkerArea;
import cn.heatdesk.repair.worker.WorkerAreaMapper;
import cn.heatdesk.repair.worker.WorkerMapper;
import cn.heatdesk.repair.worker.WorkerService;
import cn.heatdesk.repair.worker.WorkerType;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Demo crew of repair station ST01: worker01 (孙师傅, 维修员: 管网维修, 阀门检修, 散热器/地暖) and worker02 (周师傅,
 * 网格员: 测温, 收费咨询), both responsible for the communities ST01 serves. Runs after the base-information demo
 * data, only in demo mode and only once; {@code heatdesk.repair.demo-data=false} leaves it out.
 *
 * <p>The communities are found through base information's published API: the demo households of 城北 (codes
 * H01000001 …, one unit every six households) are located, and the community on each path kept when coverage
 * says ST01 serves it.
 */
@Component
@Order(40)
class RepairDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RepairDemoData.class);
    static final String STATION = "ST01";
    static final String SUBSIDIARY = "SUB01";
    /** demo households per unit (3 floors × 2 rooms) and per subsidiary, as base information's demo data makes them */
    private static final int PER_UNIT = 6;
    private static final int HOUSEHOLDS = 288;

    private final HeatDeskProperties properties;
    private final boolean enabled;
    private final OrgApi orgs;
    private final UserApi users;
    private final HouseholdApi households;
    private final CoverageApi coverage;
    private final WorkerMapper workers;
    private final WorkerAreaMapper areas;
    private final IdGenerator ids;
    private final TransactionTemplate tx;

    RepairDemoData(HeatDeskProperties properties, @Value("${heatdesk.repair.demo-data:true}") boolean enabled,
                   OrgApi orgs, UserApi users, HouseholdApi households, CoverageApi coverage, WorkerMapper workers,
                   WorkerAreaMapper areas, IdGenerator ids, TransactionTemplate tx) {
        this.properties = properties;
        this.enabled = enabled;
        this.orgs = orgs;
        this.users = users;
        this.households = households;
        this.coverage = coverage;
        this.workers = workers;
        this.areas = areas;
        this.ids = ids;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isDemo() || !enabled) {
            return;
        }
        Optional<OrgInfo> station = orgs.findByCode(STATION);
        Optional<OrgInfo> sub = orgs.findByCode(SUBSIDIARY);
        if (station.isEmpty() || sub.isEmpty()) {
            return;
        }
        Map<String, UserInfo> crew = new LinkedHashMap<>();
        for (UserInfo u : users.usersWithRole(WorkerService.WORKER_ROLE, station.get().id(), false)) {
            crew.put(u.username(), u);
        }
        UserInfo w1 = crew.get("worker01");
        UserInfo w2 = crew.get("worker02");
        if (w1 == null || workers.selectByUserIdUnscoped(w1.id()) != null) {
            return;
        }
        Map<Long, Community> served = communitiesOf(station.get().id(), sub.get().id());
        tx.executeWithoutResult(st -> {
            profile(w1, station.get(), WorkerType.REPAIR, List.of("PIPE", "VALVE", "RADIATOR"), served);
            if (w2 != null && workers.selectByUserIdUnscoped(w2.id()) == null) {
                profile(w2, station.get(), WorkerType.GRID, List.of("TEMP_CHECK", "BILLING"), served);
            }
        });
        log.info("演示维修人员档案已生成：{} 的 worker01（维修员）、worker02（网格员），负责 {} 个小区",
                station.get().orgName(), served.size());
    }

    record Community(Long id, String path, String fullName) {
    }

    /** the demo communities the station serves, with id path and full name, in tree order */
    private Map<Long, Community> communitiesOf(long stationId, long subsidiaryId) {
        Map<Long, Community> out = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        int depth = NodeType.COMMUNITY.level();
        for (int n = 1; n <= HOUSEHOLDS; n += PER_UNIT) {
            Optional<HouseholdSummary> h = households.findByCode(subsidiaryId, String.format("H01%06d", n));
            if (h.isEmpty()) {
                continue;
            }
            String[] ids = h.get().nodePath().substring(1).split("/");
            if (ids.length < depth) {
                continue;
            }
            long community = Long.parseLong(ids[depth - 1]);
            if (!seen.add(community) || !coverage.stationForNode(community).map(s -> s == stationId).orElse(false)) {
                continue;
            }
            List<HouseholdPanel.PathNode> path = households.panel(h.get().id()).path();
            StringBuilder p = new StringBuilder("/");
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < depth && i < path.size(); i++) {
                p.append(path.get(i).id()).append('/');
                name.append(i == 0 ? "" : "/").append(path.get(i).nodeName());
            }
            out.put(community, new Community(community, p.toString(), name.toString()));
        }
        return out;
    }

    private void profile(UserInfo u, OrgInfo station, WorkerType type, List<String> skills, Map<Long, Community> served) {
        LocalDateTime now = LocalDateTime.now();
        Worker w = new Worker();
        w.setId(ids.nextId());
        w.setUserId(u.id());
        w.setStationOrgId(station.id());
        w.setWorkerType(type.name());
        w.setSkillCodes(CodeList.join(skills));
        w.setOnDuty(1);
        w.setMaxLoad(8);
        w.setSubsidiaryId(station.subsidiaryId());
        w.setOrgPath(station.orgPath());
        w.setRowVersion(0);
        w.setCreatedAt(now);
        w.setUpdatedAt(now);
        workers.insert(w);
        for (Community c : served.values()) {
            WorkerArea a = new WorkerArea();
            a.setId(ids.nextId());
            a.setWorkerId(w.getId());
            a.setNodeId(c.id());
            a.setNodePath(c.path());
            a.setNodeType(NodeType.COMMUNITY.name());
            a.setNodeName(c.fullName());
            a.setSubsidiaryId(station.subsidiaryId());
            a.setOrgPath(station.orgPath());
            a.setCreatedAt(now);
            areas.insert(a);
        }
    }
}
