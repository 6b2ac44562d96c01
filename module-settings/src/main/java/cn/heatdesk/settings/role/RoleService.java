package cn.heatdesk.settings.role;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.auth.SessionRefresher;
import cn.heatdesk.settings.org.OrgMapper;
import cn.heatdesk.settings.org.OrgUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Roles: permission sets plus a data scope. Nobody can hand out more than they hold: permissions are limited
 * to the actor's own, the data scope to the actor's breadth, and a subsidiary admin's roles stay in their
 * subsidiary.
 */
@Service
public class RoleService {

    public static final String ALL_PERMISSIONS = "*";
    static final Map<String, String> SORTS = Map.of("roleName", "r.role_name", "roleCode", "r.role_code",
            "createdAt", "r.created_at");

    private final RoleMapper mapper;
    private final OrgMapper orgs;
    private final IdGenerator ids;
    private final SessionRefresher sessions;
    private final RoleChangeLog changeLog;

    public RoleService(RoleMapper mapper, OrgMapper orgs, IdGenerator ids, SessionRefresher sessions,
                       RoleChangeLog changeLog) {
        this.mapper = mapper;
        this.orgs = orgs;
        this.ids = ids;
        this.sessions = sessions;
        this.changeLog = changeLog;
    }

    @Transactional(readOnly = true)
    public PageResult<SysRole> page(String keyword, Integer enabled, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "r.builtin DESC, r.created_at");
        return Paging.page(query, () -> mapper.selectPage(keyword, enabled, orderBy));
    }

    @Transactional(readOnly = true)
    public RoleDetail detail(long id) {
        SysRole r = visible(id);
        return new RoleDetail(r, mapper.selectPermissions(id), mapper.selectDataOrgs(id));
    }

    /** Roles the current admin may assign to users. */
    @Transactional(readOnly = true)
    public List<SysRole> assignable() {
        CurrentUser actor = SecurityContext.require();
        return mapper.selectAssignable(actor.subsidiaryId(), actor.dataScope() == DataScope.ALL);
    }

    @Transactional
    public RoleDetail create(RoleRequests.Save req) {
        CurrentUser actor = SecurityContext.require();
        if (mapper.selectByCode(req.roleCode()) != null) {
            throw BizException.invalid("roleCode", "角色编码“" + req.roleCode() + "”已存在");
        }
        DataScope scope = parseScope(req.dataScope(), actor);
        Long subsidiaryId = ownerSubsidiary(req.subsidiaryId(), actor);
        LocalDateTime now = LocalDateTime.now();
        SysRole r = new SysRole();
        r.setId(ids.nextId());
        r.setRoleCode(req.roleCode());
        r.setRoleName(req.roleName().trim());
        r.setDataScope(scope.name());
        r.setBuiltin(0);
        r.setEnabled(Boolean.FALSE.equals(req.enabled()) ? 0 : 1);
        r.setRemark(req.remark());
        r.setSubsidiaryId(subsidiaryId);
        r.setOrgPath(ownerPath(subsidiaryId));
        r.setCreatedBy(actor.userId());
        r.setCreatedAt(now);
        r.setUpdatedBy(actor.userId());
        r.setUpdatedAt(now);
        mapper.insert(r);
        r.setRowVersion(0);
        List<String> perms = writePermissions(r.getId(), req.permissions(), actor);
        List<Long> orgIds = writeDataOrgs(r.getId(), scope, req.customOrgIds());
        RoleDetail after = new RoleDetail(r, perms, orgIds);
        changeLog.created(after);
        return after;
    }

    /** Creates a built-in role during bootstrap (no actor, no containment checks). */
    @Transactional
    public SysRole createBuiltin(String code, String name, DataScope scope, String rootPath, List<String> permissions) {
        SysRole existing = mapper.selectByCode(code);
        if (existing != null) {
            return existing;
        }
        LocalDateTime now = LocalDateTime.now();
        SysRole r = new SysRole();
        r.setId(ids.nextId());
        r.setRoleCode(code);
        r.setRoleName(name);
        r.setDataScope(scope.name());
        r.setBuiltin(1);
        r.setEnabled(1);
        r.setOrgPath(rootPath);
        r.setCreatedBy(0L);
        r.setCreatedAt(now);
        r.setUpdatedBy(0L);
        r.setUpdatedAt(now);
        mapper.insert(r);
        for (String p : new LinkedHashSet<>(permissions)) {
            mapper.insertPermission(r.getId(), p);
        }
        return r;
    }

    @Transactional
    public RoleDetail update(long id, RoleRequests.Save req) {
        CurrentUser actor = SecurityContext.require();
        RoleDetail before = detail(id);
        SysRole r = before.role();
        if (!r.getRoleCode().equals(req.roleCode())) {
            throw BizException.invalid("roleCode", "角色编码创建后不能修改");
        }
        if (req.rowVersion() == null) {
            throw BizException.invalid("rowVersion", "版本号不能为空");
        }
        DataScope scope = parseScope(req.dataScope(), actor);
        if (r.getBuiltin() == 1 && ALL_PERMISSIONS.equals(String.join(",", before.permissions()))) {
            throw BizException.invalid("roleCode", "内置超级管理员角色不能修改");
        }
        SysRole after = new SysRole();
        after.setId(id);
        after.setRoleCode(r.getRoleCode());
        after.setRoleName(req.roleName().trim());
        after.setDataScope(scope.name());
        after.setBuiltin(r.getBuiltin());
        after.setEnabled(Boolean.FALSE.equals(req.enabled()) ? 0 : 1);
        after.setRemark(req.remark());
        after.setSubsidiaryId(r.getSubsidiaryId());
        after.setOrgPath(r.getOrgPath());
        after.setRowVersion(req.rowVersion());
        after.setCreatedBy(r.getCreatedBy());
        after.setCreatedAt(r.getCreatedAt());
        after.setUpdatedBy(actor.userId());
        after.setUpdatedAt(LocalDateTime.now());
        if (mapper.update(after) == 0) {
            throw new BizException(ErrorCode.CONFLICT, "角色已被他人修改，请刷新后重试");
        }
        after.setRowVersion(req.rowVersion() + 1);
        List<String> perms = req.permissions() == null ? before.permissions()
                : writePermissions(id, req.permissions(), actor);
        List<Long> orgIds = writeDataOrgs(id, scope, req.customOrgIds());
        RoleDetail result = new RoleDetail(after, perms, orgIds);
        changeLog.updated(before, result);
        sessions.refreshUsers(mapper.selectUserIds(id));
        return result;
    }

    /** Replaces a role's permissions only (settings:role:grant), within the actor's own permissions. */
    @Transactional
    public RoleDetail grant(long id, List<String> permissions) {
        CurrentUser actor = SecurityContext.require();
        RoleDetail before = detail(id);
        if (before.permissions().contains(ALL_PERMISSIONS)) {
            throw BizException.invalid("permissions", "内置超级管理员角色的权限不能修改");
        }
        List<String> perms = writePermissions(id, permissions, actor);
        RoleDetail after = new RoleDetail(before.role(), perms, before.customOrgIds());
        changeLog.updated(before, after);
        sessions.refreshUsers(mapper.selectUserIds(id));
        return after;
    }

    @Transactional
    public void delete(long id) {
        RoleDetail before = detail(id);
        if (before.role().getBuiltin() == 1) {
            throw BizException.invalid("id", "内置角色不能删除");
        }
        if (mapper.countUsers(id) > 0) {
            throw BizException.invalid("id", "该角色仍有用户在使用，请先解除用户的角色");
        }
        mapper.deletePermissions(id);
        mapper.deleteDataOrgs(id);
        mapper.delete(id);
        changeLog.deleted(before);
    }

    private SysRole visible(long id) {
        SysRole r = mapper.selectById(id);
        if (r == null) {
            throw BizException.notFound("角色");
        }
        return r;
    }

    private List<String> writePermissions(long roleId, List<String> requested, CurrentUser actor) {
        Set<String> perms = new LinkedHashSet<>();
        if (requested != null) {
            for (String p : requested) {
                if (p == null || p.isBlank()) {
                    continue;
                }
                if (ALL_PERMISSIONS.equals(p)) {
                    throw BizException.invalid("permissions", "不能授予全部权限（*），该权限仅属于内置超级管理员");
                }
                if (!actor.hasPermission(p)) {
                    throw BizException.invalid("permissions", "不能授予您自己没有的权限：" + p);
                }
                perms.add(p.trim());
            }
        }
        mapper.deletePermissions(roleId);
        for (String p : perms) {
            mapper.insertPermission(roleId, p);
        }
        return new ArrayList<>(perms);
    }

    private List<Long> writeDataOrgs(long roleId, DataScope scope, List<Long> orgIds) {
        mapper.deleteDataOrgs(roleId);
        if (scope != DataScope.CUSTOM) {
            return List.of();
        }
        if (orgIds == null || orgIds.isEmpty()) {
            throw BizException.invalid("customOrgIds", "自定义数据范围须至少选择一个机构");
        }
        List<Long> written = new ArrayList<>();
        for (Long orgId : new LinkedHashSet<>(orgIds)) {
            if (orgId == null || orgs.selectById(orgId) == null) {
                throw BizException.invalid("customOrgIds", "机构不存在或超出您的数据权限：" + orgId);
            }
            mapper.insertDataOrg(roleId, orgId);
            written.add(orgId);
        }
        return written;
    }

    private static DataScope parseScope(String value, CurrentUser actor) {
        DataScope scope;
        try {
            scope = DataScope.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BizException.invalid("dataScope", "数据范围只能是 ALL、SUBSIDIARY、ORG_AND_CHILDREN、CUSTOM 或 SELF");
        }
        DataScope own = actor.dataScope() == null ? DataScope.SELF : actor.dataScope();
        if (scope.breadth() > own.breadth()) {
            throw BizException.invalid("dataScope", "不能设置比您自己更大的数据范围（" + scope.label() + "）");
        }
        return scope;
    }

    private Long ownerSubsidiary(Long requested, CurrentUser actor) {
        if (actor.dataScope() != DataScope.ALL) {
            if (actor.subsidiaryId() == null) {
                throw BizException.forbidden("您不属于任何分公司，不能创建角色");
            }
            return actor.subsidiaryId();
        }
        if (requested == null) {
            return null;
        }
        OrgUnit sub = orgs.selectByIdUnscoped(requested);
        if (sub == null || !requested.equals(sub.getSubsidiaryId())) {
            throw BizException.invalid("subsidiaryId", "所属分公司不存在");
        }
        return requested;
    }

    private String ownerPath(Long subsidiaryId) {
        if (subsidiaryId == null) {
            OrgUnit root = orgs.selectRoot();
            return root == null ? "/" : root.getOrgPath();
        }
        return orgs.selectByIdUnscoped(subsidiaryId).getOrgPath();
    }
}
