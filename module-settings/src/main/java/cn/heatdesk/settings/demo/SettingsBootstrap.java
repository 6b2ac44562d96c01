package cn.heatdesk.settings.demo;

import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.crypto.PasswordHasher;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.settings.org.OrgMapper;
import cn.heatdesk.settings.org.OrgService;
import cn.heatdesk.settings.org.OrgUnit;
import cn.heatdesk.settings.role.RoleMapper;
import cn.heatdesk.settings.role.RoleService;
import cn.heatdesk.settings.role.SysRole;
import cn.heatdesk.settings.user.SysUser;
import cn.heatdesk.settings.user.UserMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What every installation needs before anyone can log in: the group root, the built-in roles and the first
 * administrator. Runs after the permission registry is synchronised; safe to run on every start.
 */
@Component
@Order(10)
public class SettingsBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SettingsBootstrap.class);
    public static final String DEMO_PASSWORD = "HeatDesk@2026";

    /** built-in roles: code, name, data scope, permissions (added on every start if missing) */
    public static final List<BuiltinRole> BUILTIN_ROLES = List.of(
            new BuiltinRole("GROUP_ADMIN", "集团管理员", DataScope.ALL, List.of(RoleService.ALL_PERMISSIONS)),
            new BuiltinRole("SUBSIDIARY_ADMIN", "分公司管理员", DataScope.SUBSIDIARY, List.of(
                    "settings", "settings:org", "settings:org:edit", "settings:org:move", "settings:org:disable",
                    "settings:user", "settings:user:edit", "settings:user:reset-password", "settings:user:unlock",
                    "settings:user:export", "settings:role", "settings:role:edit", "settings:dict",
                    "settings:changelog", "audit", "audit:view",
                    "baseinfo", "baseinfo:node", "baseinfo:node:edit", "baseinfo:node:move", "baseinfo:node:disable",
                    "baseinfo:coverage", "baseinfo:household", "baseinfo:household:edit", "baseinfo:panel",
                    "baseinfo:customer", "baseinfo:customer:edit", "baseinfo:phone:bind", "baseinfo:blacklist",
                    "baseinfo:blacklist:edit", "baseinfo:import", "baseinfo:export", "baseinfo:sync",
                    "baseinfo:sync:run",
                    "servicedesk", "servicedesk:ticket", "servicedesk:ticket:create", "servicedesk:ticket:dispatch",
                    "servicedesk:ticket:operate", "servicedesk:visit", "servicedesk:visit:do", "monitor:approval",
                    "notice", "notice:message", "servicedesk:config", "servicedesk:ticket:supervise",
                    "repair", "repair:pool", "repair:assign", "repair:handle", "repair:worker", "repair:worker:edit",
                    "repair:device", "repair:checkin", "repair:sync:review",
                    "monitor", "monitor:ticket", "monitor:ticket:operate", "monitor:ticket:export",
                    "monitor:approval:all", "notice:template", "notice:delivery",
                    "callcenter", "callcenter:agent", "callcenter:agent:edit", "callcenter:agent:supervise",
                    "callcenter:supervisor",
                    "callcenter:phone", "callcenter:phone:edit", "callcenter:queue", "callcenter:queue:edit",
                    "callcenter:ivr", "callcenter:ivr:edit",
                    "callcenter:lost", "callcenter:lost:export",
                    "callcenter:voicemail", "callcenter:voicemail:play", "callcenter:voicemail:retry",
                    "callcenter:call", "callcenter:call:export", "callcenter:call:link", "callcenter:number:view",
                    "callcenter:recording:play", "callcenter:recording:audit", "callcenter:gateway",
                    "callcenter:gateway:edit")),
            new BuiltinRole("AGENT", "客服坐席", DataScope.ALL, List.of(
                    "baseinfo", "baseinfo:node", "baseinfo:household", "baseinfo:panel", "baseinfo:customer",
                    "baseinfo:customer:edit", "baseinfo:phone:bind", "baseinfo:blacklist", "baseinfo:blacklist:edit",
                    "servicedesk", "servicedesk:ticket", "servicedesk:ticket:create", "servicedesk:ticket:dispatch",
                    "servicedesk:ticket:operate", "servicedesk:visit", "servicedesk:visit:do", "monitor:approval",
                    "monitor", "notice", "notice:message",
                    "callcenter", "callcenter:workbench", "callcenter:outbound", "callcenter:call",
                    "callcenter:call:link", "callcenter:recording:play", "callcenter:lost",
                    "callcenter:voicemail", "callcenter:voicemail:play")),
            new BuiltinRole("SUPERVISOR", "班长", DataScope.ALL, List.of(
                    "baseinfo", "baseinfo:node", "baseinfo:household", "baseinfo:panel", "baseinfo:customer",
                    "baseinfo:customer:edit", "baseinfo:phone:bind", "baseinfo:blacklist", "baseinfo:blacklist:edit",
                    "baseinfo:export",
                    "servicedesk", "servicedesk:ticket", "servicedesk:ticket:create", "servicedesk:ticket:dispatch",
                    "servicedesk:ticket:operate", "servicedesk:visit", "servicedesk:visit:do", "monitor:approval",
                    "notice", "notice:message", "servicedesk:ticket:supervise", "monitor", "monitor:ticket", "monitor:ticket:operate",
                    "monitor:ticket:export", "monitor:approval:all",
                    "callcenter", "callcenter:workbench", "callcenter:outbound", "callcenter:agent",
                    "callcenter:agent:supervise", "callcenter:supervisor",
                    "callcenter:gateway", "callcenter:phone", "callcenter:queue", "callcenter:call",
                    "callcenter:call:link", "callcenter:call:export", "callcenter:number:view",
                    "callcenter:recording:play", "callcenter:recording:audit",
                    "callcenter:voicemail", "callcenter:voicemail:play", "callcenter:voicemail:retry")),
            new BuiltinRole("STATION_LEAD", "维修站负责人", DataScope.ORG_AND_CHILDREN, List.of(
                    "baseinfo", "baseinfo:node", "baseinfo:household", "baseinfo:panel",
                    "repair", "repair:pool", "repair:assign", "repair:handle", "repair:worker", "repair:worker:edit",
                    "repair:device", "repair:checkin", "repair:sync:review",
                    "monitor", "monitor:approval", "notice", "notice:message")),
            new BuiltinRole("WORKER", "维修员/网格员", DataScope.SELF, List.of("notice", "notice:message")));

    private final OrgService orgService;
    private final OrgMapper orgs;
    private final RoleService roleService;
    private final RoleMapper roles;
    private final UserMapper users;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final HeatDeskProperties properties;
    private final TransactionTemplate tx;
    private final String groupName;
    private final String adminPassword;

    public SettingsBootstrap(OrgService orgService, OrgMapper orgs, RoleService roleService, RoleMapper roles,
                             UserMapper users, PasswordHasher hasher, IdGenerator ids, HeatDeskProperties properties,
                             TransactionTemplate tx,
                             @Value("${heatdesk.group-name:供热集团}") String groupName,
                             @Value("${heatdesk.bootstrap.admin-password:}") String adminPassword) {
        this.orgService = orgService;
        this.orgs = orgs;
        this.roleService = roleService;
        this.roles = roles;
        this.users = users;
        this.hasher = hasher;
        this.ids = ids;
        this.properties = properties;
        this.tx = tx;
        this.groupName = groupName;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> bootstrap());
    }

    void bootstrap() {
        OrgUnit root = orgs.selectRoot();
        if (root == null) {
            root = orgService.createRoot("GROUP", groupName);
        }
        for (BuiltinRole b : BUILTIN_ROLES) {
            SysRole r = roleService.createBuiltin(b.code(), b.name(), b.scope(), root.getOrgPath(), b.permissions());
            List<String> have = roles.selectPermissions(r.getId());
            b.permissions().stream().filter(p -> !have.contains(p)).forEach(p -> roles.insertPermission(r.getId(), p));
        }
        if (users.selectByUsername("admin") == null) {
            boolean demo = properties.isDemo();
            String password = demo ? DEMO_PASSWORD : adminPassword.isBlank() ? randomPassword() : adminPassword;
            SysUser admin = newUser("admin", "系统管理员", "A0001", root, password, demo ? 0 : 1);
            users.insert(admin);
            roles.insertUserRole(admin.getId(), roles.selectByCode("GROUP_ADMIN").getId());
            if (!demo && adminPassword.isBlank()) {
                log.warn("初始管理员 admin 已创建，一次性初始密码：{}（首次登录须修改） / initial admin password generated", password);
            }
        }
    }

    SysUser newUser(String username, String realName, String jobNumber, OrgUnit org, String password, int mustChange) {
        LocalDateTime now = LocalDateTime.now();
        SysUser u = new SysUser();
        u.setId(ids.nextId());
        u.setUsername(username);
        u.setRealName(realName);
        u.setJobNumber(jobNumber);
        u.setOrgId(org.getId());
        u.setOrgPath(org.getOrgPath());
        u.setSubsidiaryId(org.getSubsidiaryId());
        u.setPasswordHash(hasher.hash(password));
        u.setPasswordChangedAt(now);
        u.setMustChangePwd(mustChange);
        u.setEnabled(1);
        u.setCreatedBy(0L);
        u.setCreatedAt(now);
        u.setUpdatedBy(0L);
        u.setUpdatedAt(now);
        return u;
    }

    private static String randomPassword() {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom rnd = new SecureRandom();
        StringBuilder sb = new StringBuilder("Hd@");
        for (int i = 0; i < 12; i++) {
            sb.append(chars.charAt(rnd.nextInt(chars.length())));
        }
        return sb.append('7').toString();
    }

    public record BuiltinRole(String code, String name, DataScope scope, List<String> permissions) {
    }
}
