package cn.heatdesk.settings.demo;

import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.settings.org.OrgMapper;
import cn.heatdesk.settings.org.OrgRequests;
import cn.heatdesk.settings.org.OrgService;
import cn.heatdesk.settings.org.OrgUnit;
import cn.heatdesk.settings.role.RoleMapper;
import cn.heatdesk.settings.user.SysUser;
import cn.heatdesk.settings.user.UserMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo heating group (demo mode only, once): 2 divisions, 3 subsidiaries with a center station and 6 repair
 * stations each (18 in all), the group customer-service center, and one demo user per role.
 */
@Component
@Order(20)
public class SettingsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SettingsDemoData.class);

    /** username, real name, job number, org code, role code — documented in README */
    public static final List<String[]> DEMO_USERS = List.of(
            new String[]{"sub01admin", "城北分公司管理员", "B0101", "SUB01", "SUBSIDIARY_ADMIN"},
            new String[]{"agent01", "李坐席", "8001", "GROUP-CC", "AGENT"},
            new String[]{"monitor01", "王班长", "8101", "GROUP-CC", "SUPERVISOR"},
            new String[]{"lead01", "赵站长", "W0101", "ST01", "STATION_LEAD"},
            new String[]{"worker01", "孙师傅", "W0102", "ST01", "WORKER"},
            new String[]{"worker02", "周师傅", "W0103", "ST01", "WORKER"},
            new String[]{"lead02", "钱站长", "W0201", "ST02", "STATION_LEAD"});

    private static final String[][] SUBSIDIARIES = {
            {"SUB01", "城北热力分公司", "DIV-N", "城北"},
            {"SUB02", "城东热力分公司", "DIV-N", "城东"},
            {"SUB03", "城南热力分公司", "DIV-S", "城南"}};
    private static final String[] ORDINALS = {"第一", "第二", "第三", "第四", "第五", "第六"};

    private final HeatDeskProperties properties;
    private final OrgService orgService;
    private final OrgMapper orgs;
    private final UserMapper users;
    private final RoleMapper roles;
    private final SettingsBootstrap bootstrap;
    private final TransactionTemplate tx;

    public SettingsDemoData(HeatDeskProperties properties, OrgService orgService, OrgMapper orgs, UserMapper users,
                            RoleMapper roles, SettingsBootstrap bootstrap, TransactionTemplate tx) {
        this.properties = properties;
        this.orgService = orgService;
        this.orgs = orgs;
        this.users = users;
        this.roles = roles;
        this.bootstrap = bootstrap;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isDemo() || orgs.countByCode("DIV-N", null) > 0) {
            return;
        }
        tx.executeWithoutResult(s -> load());
        log.info("演示数据已生成：2 个事业部、3 个分公司、18 个维修站、{} 个演示用户", DEMO_USERS.size() + 1);
    }

    private void load() {
        OrgUnit root = orgs.selectRoot();
        OrgUnit north = create(root, "DIVISION", "DIV-N", "北部事业部", 1);
        OrgUnit south = create(root, "DIVISION", "DIV-S", "南部事业部", 2);
        create(root, "SERVICE_CENTER", "GROUP-CC", "集团客服中心", 0);
        int station = 1;
        for (int i = 0; i < SUBSIDIARIES.length; i++) {
            String[] s = SUBSIDIARIES[i];
            OrgUnit sub = create(s[2].equals("DIV-N") ? north : south, "SUBSIDIARY", s[0], s[1], i + 1);
            create(sub, "CENTER_STATION", s[0] + "-CS", s[3] + "中心站", 0);
            for (int k = 0; k < 6; k++, station++) {
                create(sub, "REPAIR_STATION", String.format("ST%02d", station), s[3] + ORDINALS[k] + "维修站", k + 1);
            }
        }
        Map<String, OrgUnit> byCode = orgs.selectAll(true).stream()
                .collect(Collectors.toMap(OrgUnit::getOrgCode, o -> o));
        for (String[] u : DEMO_USERS) {
            OrgUnit org = byCode.get(u[3]);
            SysUser user = bootstrap.newUser(u[0], u[1], u[2], org, SettingsBootstrap.DEMO_PASSWORD, 0);
            users.insert(user);
            roles.insertUserRole(user.getId(), roles.selectByCode(u[4]).getId());
        }
    }

    private OrgUnit create(OrgUnit parent, String type, String code, String name, int sort) {
        return orgService.create(new OrgRequests.Create(parent.getId(), type, code, name, sort, null, null));
    }
}
