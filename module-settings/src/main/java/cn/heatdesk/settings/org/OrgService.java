package cn.heatdesk.settings.org;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.OrgPlacementChanged;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The org tree: group → division → subsidiary → center/repair/heat-exchange station → team, with kinds of
 * node as data. Every change keeps history; a move rewrites paths of the whole subtree and tells the other
 * modules through {@link OrgPlacementChanged} in the same transaction.
 */
@Service
public class OrgService implements OrgApi {

    static final Map<String, String> SORTS = Map.of(
            "orgName", "o.org_name", "orgCode", "o.org_code", "sortNo", "o.sort_no", "createdAt", "o.created_at");

    private final OrgMapper mapper;
    private final IdGenerator ids;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    public OrgService(OrgMapper mapper, IdGenerator ids, ObjectMapper json, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.ids = ids;
        this.json = json;
        this.events = events;
    }

    /** The part of the tree the caller may see; nodes whose parent is invisible become roots. */
    @Transactional(readOnly = true)
    public List<OrgNode> tree(boolean includeDisabled) {
        Map<String, String> typeNames = typeNames();
        List<OrgUnit> all = mapper.selectAll(includeDisabled);
        Map<Long, OrgNode> byId = new LinkedHashMap<>();
        for (OrgUnit o : all) {
            byId.put(o.getId(), OrgNode.of(o, typeNames.getOrDefault(o.getOrgType(), o.getOrgType())));
        }
        List<OrgNode> roots = new ArrayList<>();
        for (OrgNode n : byId.values()) {
            OrgNode parent = n.parentId() == null ? null : byId.get(n.parentId());
            if (parent == null) {
                roots.add(n);
            } else {
                parent.children().add(n);
            }
        }
        return roots;
    }

    @Transactional(readOnly = true)
    public PageResult<OrgUnit> page(OrgFilter filter, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "o.depth, o.sort_no, o.id");
        return Paging.page(query, () -> mapper.selectPage(filter, orderBy));
    }

    /** Enabled subsidiaries the caller may see (the console's subsidiary switcher). */
    @Transactional(readOnly = true)
    public List<OrgUnit> subsidiaries() {
        OrgFilter f = new OrgFilter();
        f.setEnabled(1);
        return mapper.selectPage(f, "o.sort_no, o.org_name").stream()
                .filter(o -> o.getId().equals(o.getSubsidiaryId())).toList();
    }

    /** A node the caller may see, or 404 (never revealing nodes outside the scope). */
    @Transactional(readOnly = true)
    public OrgUnit get(long id) {
        OrgUnit o = mapper.selectById(id);
        if (o == null) {
            throw BizException.notFound("机构");
        }
        return o;
    }

    @Transactional
    public OrgUnit create(OrgRequests.Create req) {
        OrgUnit parent = visibleOrInvalid(req.parentId(), "parentId", "上级机构不存在或无权访问");
        if (parent.getEnabled() != 1) {
            throw BizException.invalid("parentId", "上级机构已停用，不能在其下新增机构");
        }
        OrgType type = requireType(req.orgType());
        checkParentAllowed(type, parent);
        requireUniqueCode(req.orgCode(), null);
        LocalDateTime now = LocalDateTime.now();
        long id = ids.nextId();
        OrgUnit o = new OrgUnit();
        o.setId(id);
        o.setParentId(parent.getId());
        o.setOrgType(type.getTypeCode());
        o.setOrgCode(req.orgCode());
        o.setOrgName(req.orgName().trim());
        o.setOrgPath(parent.getOrgPath() + id + "/");
        o.setDepth(parent.getDepth() + 1);
        o.setSubsidiaryId(type.getIsSubsidiary() == 1 ? Long.valueOf(id) : parent.getSubsidiaryId());
        o.setSortNo(req.sortNo() == null ? 0 : req.sortNo());
        o.setContactPhone(req.contactPhone());
        o.setAddress(req.address());
        o.setEnabled(1);
        o.setCreatedBy(SecurityContext.userIdOrSystem());
        o.setCreatedAt(now);
        o.setUpdatedBy(SecurityContext.userIdOrSystem());
        o.setUpdatedAt(now);
        mapper.insert(o);
        o.setRowVersion(0);
        history(o, "CREATE", null, o, null);
        return o;
    }

    /** Creates the group root; only the bootstrap calls this, when the tree is empty. */
    @Transactional
    public OrgUnit createRoot(String code, String name) {
        if (mapper.selectRoot() != null) {
            throw new IllegalStateException("org root exists");
        }
        LocalDateTime now = LocalDateTime.now();
        long id = ids.nextId();
        OrgUnit o = new OrgUnit();
        o.setId(id);
        o.setOrgType("GROUP");
        o.setOrgCode(code);
        o.setOrgName(name);
        o.setOrgPath("/" + id + "/");
        o.setDepth(1);
        o.setSortNo(0);
        o.setEnabled(1);
        o.setCreatedBy(0L);
        o.setCreatedAt(now);
        o.setUpdatedBy(0L);
        o.setUpdatedAt(now);
        mapper.insert(o);
        o.setRowVersion(0);
        history(o, "CREATE", null, o, "系统初始化");
        return o;
    }

    @Transactional
    public OrgUnit update(long id, OrgRequests.Update req) {
        OrgUnit before = get(id);
        requireUniqueCode(req.orgCode(), id);
        OrgUnit after = copy(before);
        after.setOrgCode(req.orgCode());
        after.setOrgName(req.orgName().trim());
        after.setSortNo(req.sortNo() == null ? before.getSortNo() : req.sortNo());
        after.setContactPhone(req.contactPhone());
        after.setAddress(req.address());
        after.setRowVersion(req.rowVersion());
        after.setUpdatedBy(SecurityContext.userIdOrSystem());
        after.setUpdatedAt(LocalDateTime.now());
        if (mapper.update(after) == 0) {
            throw new BizException(ErrorCode.CONFLICT, "机构信息已被他人修改，请刷新后重试");
        }
        after.setRowVersion(req.rowVersion() + 1);
        history(after, "UPDATE", before, after, null);
        return after;
    }

    @Transactional
    public OrgUnit move(long id, OrgRequests.Move req) {
        OrgUnit node = get(id);
        if (node.getParentId() == null) {
            throw BizException.invalid("id", "集团根节点不能移动");
        }
        OrgUnit target = visibleOrInvalid(req.newParentId(), "newParentId", "目标上级机构不存在或无权访问");
        if (target.getOrgPath().startsWith(node.getOrgPath())) {
            throw BizException.invalid("newParentId", "不能移动到自身或自身的下级机构之下");
        }
        if (target.getId().equals(node.getParentId())) {
            throw BizException.invalid("newParentId", "目标上级机构与当前上级机构相同");
        }
        if (target.getEnabled() != 1) {
            throw BizException.invalid("newParentId", "目标上级机构已停用");
        }
        checkParentAllowed(requireType(node.getOrgType()), target);

        Map<String, OrgType> types = mapper.selectTypes().stream()
                .collect(Collectors.toMap(OrgType::getTypeCode, t -> t));
        String oldPath = node.getOrgPath();
        String newPath = target.getOrgPath() + node.getId() + "/";
        long actor = SecurityContext.userIdOrSystem();
        LocalDateTime now = LocalDateTime.now();
        // depth order guarantees each parent is placed before its children
        Map<Long, OrgUnit> placed = new HashMap<>();
        placed.put(target.getId(), target);
        OrgUnit movedAfter = null;
        for (OrgUnit o : mapper.selectSubtreeUnscoped(oldPath)) {
            OrgUnit parent = o.getId().equals(node.getId()) ? target : placed.get(o.getParentId());
            OrgType t = types.get(o.getOrgType());
            Long subsidiary = t != null && t.getIsSubsidiary() == 1 ? o.getId() : parent.getSubsidiaryId();
            OrgUnit after = copy(o);
            after.setParentId(parent.getId());
            after.setOrgPath(newPath + o.getOrgPath().substring(oldPath.length()));
            after.setDepth(parent.getDepth() + 1);
            after.setSubsidiaryId(subsidiary);
            mapper.updatePlacement(o.getId(), after.getParentId(), after.getOrgPath(), after.getDepth(), subsidiary, actor, now);
            placed.put(o.getId(), after);
            if (o.getId().equals(node.getId())) {
                movedAfter = after;
            }
        }
        history(movedAfter, "MOVE", node, movedAfter, req.reason());
        events.publishEvent(new OrgPlacementChanged(node.getId(), oldPath, newPath, node.getSubsidiaryId(),
                movedAfter.getSubsidiaryId()));
        return movedAfter;
    }

    @Transactional
    public OrgUnit disable(long id, String reason) {
        OrgUnit before = get(id);
        if (before.getParentId() == null) {
            throw BizException.invalid("id", "集团根节点不能停用");
        }
        if (before.getEnabled() == 0) {
            throw BizException.invalid("id", "该机构已是停用状态");
        }
        if (mapper.countEnabledChildren(id) > 0) {
            throw BizException.invalid("id", "该机构下还有启用的下级机构，请先停用下级机构");
        }
        return setEnabled(before, 0, "DISABLE", reason);
    }

    @Transactional
    public OrgUnit enable(long id, String reason) {
        OrgUnit before = get(id);
        if (before.getEnabled() == 1) {
            throw BizException.invalid("id", "该机构已是启用状态");
        }
        OrgUnit parent = before.getParentId() == null ? null : mapper.selectByIdUnscoped(before.getParentId());
        if (parent != null && parent.getEnabled() != 1) {
            throw BizException.invalid("id", "上级机构已停用，请先启用上级机构");
        }
        return setEnabled(before, 1, "ENABLE", reason);
    }

    private OrgUnit setEnabled(OrgUnit before, int enabled, String kind, String reason) {
        mapper.updateEnabled(before.getId(), enabled, SecurityContext.userIdOrSystem(), LocalDateTime.now());
        OrgUnit after = copy(before);
        after.setEnabled(enabled);
        after.setRowVersion(before.getRowVersion() + 1);
        history(after, kind, before, after, reason);
        return after;
    }

    @Transactional(readOnly = true)
    public List<OrgHistory> history(long id) {
        get(id);
        return mapper.selectHistory(id);
    }

    public List<OrgType> types() {
        return mapper.selectTypes();
    }

    @Transactional
    public OrgType createType(OrgRequests.CreateType req) {
        if (mapper.selectType(req.typeCode()) != null) {
            throw BizException.invalid("typeCode", "类型编码“" + req.typeCode() + "”已存在");
        }
        Set<String> known = mapper.selectTypes().stream().map(OrgType::getTypeCode).collect(Collectors.toSet());
        for (String p : splitParents(req.allowedParents())) {
            if (!known.contains(p)) {
                throw BizException.invalid("allowedParents", "上级类型“" + p + "”不存在");
            }
        }
        OrgType t = new OrgType();
        t.setId(ids.nextId());
        t.setTypeCode(req.typeCode());
        t.setTypeName(req.typeName().trim());
        t.setAllowedParents(String.join(",", splitParents(req.allowedParents())));
        t.setIsSubsidiary(req.subsidiary() ? 1 : 0);
        t.setBuiltin(0);
        t.setSortNo(req.sortNo() == null ? 100 : req.sortNo());
        t.setCreatedAt(LocalDateTime.now());
        mapper.insertType(t);
        return t;
    }

    @Override
    public Optional<OrgInfo> find(long orgId) {
        return Optional.ofNullable(mapper.selectByIdUnscoped(orgId)).map(OrgService::info);
    }

    @Override
    public Optional<OrgInfo> findByCode(String orgCode) {
        return orgCode == null ? Optional.empty()
                : Optional.ofNullable(mapper.selectByCodeUnscoped(orgCode.strip())).map(OrgService::info);
    }

    @Override
    public Optional<OrgInfo> root() {
        return Optional.ofNullable(mapper.selectRoot()).map(OrgService::info);
    }

    @Override
    public List<OrgInfo> subtree(long orgId) {
        OrgUnit o = mapper.selectByIdUnscoped(orgId);
        if (o == null) {
            return List.of();
        }
        return mapper.selectSubtreeUnscoped(o.getOrgPath()).stream().map(OrgService::info).toList();
    }

    OrgUnit visibleOrInvalid(Long id, String field, String message) {
        OrgUnit o = id == null ? null : mapper.selectById(id);
        if (o == null) {
            throw BizException.invalid(field, message);
        }
        return o;
    }

    private OrgType requireType(String code) {
        OrgType t = mapper.selectType(code);
        if (t == null) {
            throw BizException.invalid("orgType", "机构类型“" + code + "”不存在");
        }
        return t;
    }

    private void checkParentAllowed(OrgType type, OrgUnit parent) {
        List<String> allowed = splitParents(type.getAllowedParents());
        if (!allowed.contains(parent.getOrgType())) {
            Map<String, String> names = typeNames();
            throw BizException.invalid("parentId", "“" + type.getTypeName() + "”不能建在“"
                    + names.getOrDefault(parent.getOrgType(), parent.getOrgType()) + "”之下");
        }
    }

    private void requireUniqueCode(String code, Long excludeId) {
        if (mapper.countByCode(code, excludeId) > 0) {
            throw BizException.invalid("orgCode", "机构编码“" + code + "”已存在");
        }
    }

    private Map<String, String> typeNames() {
        return mapper.selectTypes().stream().collect(Collectors.toMap(OrgType::getTypeCode, OrgType::getTypeName));
    }

    static List<String> splitParents(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).distinct().toList();
    }

    private void history(OrgUnit subject, String kind, OrgUnit before, OrgUnit after, String reason) {
        OrgHistory h = new OrgHistory();
        h.setId(ids.nextId());
        h.setOrgId(subject.getId());
        h.setChangeKind(kind);
        h.setBeforeJson(toJson(before));
        h.setAfterJson(toJson(after));
        h.setReason(reason);
        h.setSubsidiaryId(subject.getSubsidiaryId());
        h.setOrgPath(subject.getOrgPath());
        h.setCreatedBy(SecurityContext.userIdOrSystem());
        h.setCreatedByName(SecurityContext.usernameOrSystem());
        h.setCreatedAt(LocalDateTime.now());
        mapper.insertHistory(h);
    }

    private String toJson(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static OrgInfo info(OrgUnit o) {
        return new OrgInfo(o.getId(), o.getParentId(), o.getOrgType(), o.getOrgCode(), o.getOrgName(), o.getOrgPath(),
                o.getSubsidiaryId(), o.getEnabled() == 1);
    }

    private static OrgUnit copy(OrgUnit s) {
        OrgUnit o = new OrgUnit();
        o.setId(s.getId());
        o.setParentId(s.getParentId());
        o.setOrgType(s.getOrgType());
        o.setOrgCode(s.getOrgCode());
        o.setOrgName(s.getOrgName());
        o.setOrgPath(s.getOrgPath());
        o.setDepth(s.getDepth());
        o.setSubsidiaryId(s.getSubsidiaryId());
        o.setSortNo(s.getSortNo());
        o.setContactPhone(s.getContactPhone());
        o.setAddress(s.getAddress());
        o.setEnabled(s.getEnabled());
        o.setRowVersion(s.getRowVersion());
        o.setCreatedBy(s.getCreatedBy());
        o.setCreatedAt(s.getCreatedAt());
        o.setUpdatedBy(s.getUpdatedBy());
        o.setUpdatedAt(s.getUpdatedAt());
        return o;
    }
}
