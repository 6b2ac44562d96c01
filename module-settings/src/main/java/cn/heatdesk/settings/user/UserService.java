package cn.heatdesk.settings.user;

import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.PasswordHasher;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.auth.LoginService;
import cn.heatdesk.settings.auth.SessionRefresher;
import cn.heatdesk.settings.org.OrgMapper;
import cn.heatdesk.settings.org.OrgUnit;
import cn.heatdesk.settings.role.RoleMapper;
import cn.heatdesk.settings.role.SysRole;
import cn.heatdesk.settings.role.UserRoleRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users: bound to one org, given roles the admin may assign, passwords set SM2-encrypted and checked against
 * the policy, phones SM4-encrypted with a blind index.
 */
@Service
public class UserService {

    /** users per IN list when loading roles (well under every database's parameter limit) */
    private static final int ROLE_BATCH = 500;
    static final Map<String, String> SORTS = Map.of("username", "u.username", "realName", "u.real_name",
            "jobNumber", "u.job_number", "createdAt", "u.created_at", "lastLoginAt", "u.last_login_at");

    private final UserMapper mapper;
    private final OrgMapper orgs;
    private final RoleMapper roles;
    private final IdGenerator ids;
    private final FieldCipher cipher;
    private final PasswordHasher hasher;
    private final LoginService login;
    private final SessionRefresher sessions;

    public UserService(UserMapper mapper, OrgMapper orgs, RoleMapper roles, IdGenerator ids, FieldCipher cipher,
                       PasswordHasher hasher, LoginService login, SessionRefresher sessions) {
        this.mapper = mapper;
        this.orgs = orgs;
        this.roles = roles;
        this.ids = ids;
        this.cipher = cipher;
        this.hasher = hasher;
        this.login = login;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> page(UserFilter filter, PageQuery query) {
        prepare(filter);
        String orderBy = query.orderBy(SORTS, "u.created_at DESC, u.id");
        PageResult<SysUser> page = Paging.page(query, () -> mapper.selectPage(filter, orderBy));
        return new PageResult<>(views(page.records()), page.total(), page.page(), page.size());
    }

    /** All matching users for export, in the caller's scope. */
    @Transactional(readOnly = true)
    public List<UserView> list(UserFilter filter) {
        prepare(filter);
        return views(mapper.selectPage(filter, "u.username"));
    }

    private void prepare(UserFilter filter) {
        filter.setNow(LocalDateTime.now());
        if (filter.getOrgId() != null) {
            OrgUnit org = orgs.selectById(filter.getOrgId());
            // an org outside the scope filters to nothing rather than erroring
            filter.setOrgPath(org == null ? "/none/" : org.getOrgPath());
        }
        if (filter.getKeyword() != null && filter.getKeyword().matches("^1[3-9]\\d{9}$")) {
            filter.setPhoneIdx(cipher.blindIndexPhone(filter.getKeyword()));
            filter.setKeyword(null);
        }
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        return view(visible(id));
    }

    @Transactional
    public UserView create(UserRequests.Create req) {
        CurrentUser actor = SecurityContext.require();
        if (mapper.selectByUsername(req.username()) != null) {
            throw BizException.invalid("username", "用户名“" + req.username() + "”已存在");
        }
        OrgUnit org = orgInScope(req.orgId());
        checkJobNumber(req.jobNumber(), null);
        String password = login.decrypt(req.initialPassword(), "initialPassword");
        LocalDateTime now = LocalDateTime.now();
        SysUser u = new SysUser();
        u.setId(ids.nextId());
        u.setUsername(req.username());
        u.setRealName(req.realName().trim());
        u.setJobNumber(blankToNull(req.jobNumber()));
        place(u, org);
        setPhone(u, req.phone());
        u.setEmail(blankToNull(req.email()));
        u.setPasswordHash("");
        u.setPasswordChangedAt(now);
        u.setMustChangePwd(1);
        u.setEnabled(1);
        u.setCreatedBy(actor.userId());
        u.setCreatedAt(now);
        u.setUpdatedBy(actor.userId());
        u.setUpdatedAt(now);
        // policy first, so a weak password leaves nothing behind
        login.setPasswordPolicyOnly(u.getUsername(), password, "initialPassword");
        u.setPasswordHash(hasher.hash(password));
        mapper.insert(u);
        assignRoles(u.getId(), req.roleIds() == null ? List.of() : req.roleIds(), actor);
        return view(mapper.selectById(u.getId()));
    }

    @Transactional
    public UserView update(long id, UserRequests.Update req) {
        CurrentUser actor = SecurityContext.require();
        SysUser u = visible(id);
        OrgUnit org = orgInScope(req.orgId());
        checkJobNumber(req.jobNumber(), id);
        u.setRealName(req.realName().trim());
        u.setJobNumber(blankToNull(req.jobNumber()));
        place(u, org);
        if (req.phone() == null || !req.phone().contains("*")) {
            setPhone(u, req.phone());
        }
        u.setEmail(blankToNull(req.email()));
        u.setRowVersion(req.rowVersion());
        u.setUpdatedBy(actor.userId());
        u.setUpdatedAt(LocalDateTime.now());
        if (mapper.updateProfile(u) == 0) {
            throw new BizException(ErrorCode.CONFLICT, "用户信息已被他人修改，请刷新后重试");
        }
        sessions.refreshUsers(List.of(id));
        return view(mapper.selectById(id));
    }

    @Transactional
    public UserView setRoles(long id, List<Long> roleIds) {
        CurrentUser actor = SecurityContext.require();
        visible(id);
        if (id == actor.userId()) {
            throw BizException.invalid("roleIds", "不能修改自己的角色");
        }
        assignRoles(id, roleIds, actor);
        sessions.refreshUsers(List.of(id));
        return view(mapper.selectById(id));
    }

    @Transactional
    public void resetPassword(long id, String encryptedPassword) {
        SysUser u = visible(id);
        login.setPassword(u, login.decrypt(encryptedPassword, "newPassword"), "newPassword", 1);
        StpUtil.logout(id);
    }

    @Transactional
    public UserView unlock(long id) {
        visible(id);
        mapper.unlock(id, LocalDateTime.now());
        return view(mapper.selectById(id));
    }

    @Transactional
    public UserView setEnabled(long id, boolean enabled) {
        visible(id);
        if (!enabled && id == SecurityContext.require().userId()) {
            throw BizException.invalid("id", "不能停用自己的账号");
        }
        mapper.updateEnabled(id, enabled ? 1 : 0, LocalDateTime.now());
        if (!enabled) {
            StpUtil.logout(id);
        }
        return view(mapper.selectById(id));
    }

    private void assignRoles(long userId, List<Long> roleIds, CurrentUser actor) {
        Set<Long> allowed = roles.selectAssignable(actor.subsidiaryId(), actor.dataScope() == DataScope.ALL).stream()
                .map(SysRole::getId).collect(Collectors.toSet());
        DataScope own = actor.dataScope() == null ? DataScope.SELF : actor.dataScope();
        roles.deleteUserRoles(userId);
        for (Long roleId : new LinkedHashSet<>(roleIds)) {
            SysRole r = roleId == null ? null : roles.selectByIdUnscoped(roleId);
            if (r == null || !allowed.contains(roleId)) {
                throw BizException.invalid("roleIds", "角色不存在或您无权分配：" + roleId);
            }
            if (DataScope.valueOf(r.getDataScope()).breadth() > own.breadth()
                    || (roles.selectPermissions(roleId).contains("*") && !actor.hasPermission("*"))) {
                throw BizException.invalid("roleIds", "不能分配权限大于您自己的角色：" + r.getRoleName());
            }
            roles.insertUserRole(userId, roleId);
        }
    }

    private SysUser visible(long id) {
        SysUser u = mapper.selectById(id);
        if (u == null) {
            throw BizException.notFound("用户");
        }
        return u;
    }

    private OrgUnit orgInScope(Long orgId) {
        OrgUnit org = orgId == null ? null : orgs.selectById(orgId);
        if (org == null) {
            throw BizException.invalid("orgId", "所属机构不存在或超出您的数据权限");
        }
        if (org.getEnabled() != 1) {
            throw BizException.invalid("orgId", "所属机构已停用");
        }
        return org;
    }

    private void checkJobNumber(String jobNumber, Long excludeId) {
        if (jobNumber != null && !jobNumber.isBlank() && mapper.countByJobNumber(jobNumber, excludeId) > 0) {
            throw BizException.invalid("jobNumber", "工号“" + jobNumber + "”已被使用");
        }
    }

    private static void place(SysUser u, OrgUnit org) {
        u.setOrgId(org.getId());
        u.setOrgPath(org.getOrgPath());
        u.setSubsidiaryId(org.getSubsidiaryId());
    }

    private void setPhone(SysUser u, String phone) {
        if (phone == null || phone.isBlank()) {
            u.setPhoneEnc(null);
            u.setPhoneIdx(null);
        } else {
            u.setPhoneEnc(cipher.encrypt(phone));
            u.setPhoneIdx(cipher.blindIndexPhone(phone));
        }
    }

    private UserView view(SysUser u) {
        return views(List.of(u)).get(0);
    }

    /** Views of many users with their roles loaded in batched queries, not one query per user. */
    private List<UserView> views(List<SysUser> users) {
        Map<Long, List<UserView.RoleRef>> rolesByUser = new HashMap<>();
        for (int from = 0; from < users.size(); from += ROLE_BATCH) {
            List<Long> ids = users.subList(from, Math.min(users.size(), from + ROLE_BATCH)).stream()
                    .map(SysUser::getId).toList();
            for (UserRoleRow r : roles.selectRolesOfUsers(ids)) {
                rolesByUser.computeIfAbsent(r.getUserId(), k -> new ArrayList<>())
                        .add(new UserView.RoleRef(r.getRoleId(), r.getRoleCode(), r.getRoleName()));
            }
        }
        LocalDateTime now = LocalDateTime.now();
        return users.stream().map(u -> new UserView(u.getId(), u.getUsername(), u.getRealName(), u.getJobNumber(),
                u.getOrgId(), u.getOrgName(), u.getSubsidiaryId(),
                u.getPhoneEnc() == null ? null : cipher.decrypt(u.getPhoneEnc()), u.getEmail(),
                u.getEnabled() == 1, u.getLockedUntil() != null && u.getLockedUntil().isAfter(now), u.getLockedUntil(),
                u.getMustChangePwd() == 1, u.getPasswordChangedAt(), u.getLastLoginAt(), u.getLastLoginIp(),
                u.getRowVersion(), u.getCreatedAt(), rolesByUser.getOrDefault(u.getId(), List.of()))).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
