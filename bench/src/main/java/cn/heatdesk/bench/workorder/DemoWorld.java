package cn.heatdesk.bench.workorder;

import cn.heatdesk.baseinfo.api.CoverageApi;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.servicedesk.config.DeadlineService;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.SystemParamApi;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import cn.heatdesk.settings.auth.SessionRefresher;
import cn.heatdesk.settings.user.SysUser;
import cn.heatdesk.settings.user.UserMapper;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo organisation as the running application sees it: subsidiaries, repair stations with their leads and
 * workers, every demo household with the station its coverage maps it to, and the demo users the benchmark acts
 * as. Read through the modules' published APIs (and the demo household ids from bi_household), so the seeded
 * tickets point at real rows.
 */
final class DemoWorld {

    record Sub(long id, String code, String name, String path) {
    }

    record Person(long id, String name, String jobNumber) {
    }

    record Station(long id, String code, String name, String path, long subsidiaryId, List<Person> leads,
                   List<Person> workers) {
    }

    /** phone columns precomputed with the application's keys (one caller number per household) */
    record Household(long id, String code, Long unitId, String nodePath, String address, String owner, long subsidiaryId,
                     Long coveredStationId, String phone, String phoneEnc, String phoneIdx, String phoneMask) {
    }

    final Map<Long, Sub> subs = new LinkedHashMap<>();
    final Map<Long, Station> stations = new LinkedHashMap<>();
    final List<Household> households = new ArrayList<>();
    /** users the benchmark acts as, built exactly as a login builds them (roles, permissions, data scope) */
    final Map<String, CurrentUser> users = new LinkedHashMap<>();
    /** "type|urgency|source|subsidiaryId" → the deadline the application's rules give a new ticket */
    final Map<String, DeadlineService.Deadline> deadlines = new LinkedHashMap<>();
    /** dictionary codes present in the application (the seed's type, source and urgency codes must be among them) */
    Set<String> ticketTypes;
    Set<String> sources;
    Set<String> urgencies;
    int visitDueHours;

    static DemoWorld load(ApplicationContext ctx) throws Exception {
        DemoWorld w = new DemoWorld();
        OrgApi orgs = ctx.getBean(OrgApi.class);
        UserApi userApi = ctx.getBean(UserApi.class);
        for (String code : List.of("SUB01", "SUB02", "SUB03")) {
            OrgInfo o = orgs.findByCode(code).orElseThrow(() -> new IllegalStateException("demo org " + code + " missing"));
            w.subs.put(o.id(), new Sub(o.id(), o.orgCode(), o.orgName(), o.orgPath()));
        }
        for (int i = 1; i <= 99; i++) {
            String code = String.format("ST%02d", i);
            OrgInfo o = orgs.findByCode(code).orElse(null);
            if (o == null) {
                if (i > 18) {
                    break;
                }
                continue;
            }
            List<Person> leads = userApi.usersWithRole("STATION_LEAD", o.id(), false).stream().map(DemoWorld::person).toList();
            List<Person> workers = userApi.usersWithRole("WORKER", o.id(), true).stream().map(DemoWorld::person).toList();
            w.stations.put(o.id(), new Station(o.id(), o.orgCode(), o.orgName(), o.orgPath(), o.subsidiaryId(), leads, workers));
        }
        HouseholdApi hhApi = ctx.getBean(HouseholdApi.class);
        CoverageApi coverage = ctx.getBean(CoverageApi.class);
        FieldCipher cipher = ctx.getBean(FieldCipher.class);
        List<Long> ids = new ArrayList<>();
        try (Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM bi_household ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        int n = 0;
        for (Long id : ids) {
            HouseholdSummary h = hhApi.find(id).orElse(null);
            if (h == null || !w.subs.containsKey(h.subsidiaryId())) {
                continue;
            }
            String phone = String.format("139%08d", 10_000_000 + n++);
            w.households.add(new Household(h.id(), h.householdCode(), h.unitId(), h.nodePath(), h.address(), h.ownerName(),
                    h.subsidiaryId(), coverage.stationForHousehold(h.id()).orElse(null), phone, cipher.encrypt(phone),
                    cipher.blindIndexPhone(phone), Masking.phone(phone)));
        }
        if (w.households.isEmpty()) {
            throw new IllegalStateException("no demo households: start with demo data (heatdesk.demo=true, baseinfo demo data on)");
        }
        SessionRefresher sessions = ctx.getBean(SessionRefresher.class);
        UserMapper userMapper = ctx.getBean(UserMapper.class);
        for (String username : List.of("agent01", "admin", "sub01admin", "lead01", "monitor01")) {
            SysUser u = userMapper.selectByUsername(username);
            if (u != null) {
                w.users.put(username, sessions.build(u));
            }
        }
        DictionaryApi dict = ctx.getBean(DictionaryApi.class);
        w.ticketTypes = dict.labels("ticket_type").keySet();
        w.sources = dict.labels("ticket_source").keySet();
        w.urgencies = dict.labels("ticket_urgency").keySet();
        DeadlineService ds = ctx.getBean(DeadlineService.class);
        for (String type : w.ticketTypes) {
            for (String urgency : w.urgencies) {
                for (String source : w.sources) {
                    for (Sub sub : w.subs.values()) {
                        w.deadlines.put(type + "|" + urgency + "|" + source + "|" + sub.id(), ds.resolve(type, urgency, source, sub.id()));
                    }
                }
            }
        }
        w.visitDueHours = ctx.getBean(SystemParamApi.class).getInt("ticket.visit.due-hours", 24);
        if (!w.users.containsKey("agent01")) {
            throw new IllegalStateException("demo user agent01 missing");
        }
        return w;
    }

    DeadlineService.Deadline deadline(String type, String urgency, String source, long subsidiaryId) {
        DeadlineService.Deadline d = deadlines.get(type + "|" + urgency + "|" + source + "|" + subsidiaryId);
        if (d == null) {
            throw new IllegalStateException("no deadline for " + type + "/" + urgency + "/" + source + " — dictionary code missing?");
        }
        return d;
    }

    private static Person person(UserInfo u) {
        return new Person(u.id(), u.realName(), u.jobNumber());
    }

    List<Station> stationsOf(long subsidiaryId) {
        return stations.values().stream().filter(s -> s.subsidiaryId() == subsidiaryId).toList();
    }

    CurrentUser user(String username) {
        CurrentUser u = users.get(username);
        if (u == null) {
            throw new IllegalStateException("demo user " + username + " missing");
        }
        return u;
    }

    long coveredHouseholds() {
        return households.stream().filter(h -> h.coveredStationId() != null).count();
    }
}
