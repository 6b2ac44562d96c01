package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.callcenter.ami.GatewayMonitor;
import cn.heatdesk.callcenter.ami.GatewayStatusView;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gateways as data (网关管理) and the {@link GatewayDirectory} the AMI layer connects from. The AMI secret is stored
 * SM4-encrypted and leaves this class decrypted only through {@link GatewayDirectory} (for the AMI login); the REST
 * views only say whether one is set. Every change publishes {@link GatewayChanged} after commit so the AMI layer
 * reconnects with the new settings.
 */
@Service
public class GatewayService implements GatewayDirectory {

    private static final Logger log = LoggerFactory.getLogger(GatewayService.class);
    public static final String REPAIR_STATION = "REPAIR_STATION";
    /** subsidiary id of group-level rows (the headquarters gateway) */
    public static final long GROUP_SUBSIDIARY = 0L;
    static final Map<String, String> SORTS = Map.of("code", "g.gateway_code", "name", "g.gateway_name",
            "kind", "g.kind", "createdAt", "g.created_at", "updatedAt", "g.updated_at");

    private final GatewayMapper gateways;
    private final PhoneMapper phones;
    private final QueueMapper queues;
    private final OrgApi orgs;
    private final IdGenerator ids;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<GatewayMonitor> monitor;
    private final java.util.List<GatewayOrgFollower> followers;

    public GatewayService(GatewayMapper gateways, PhoneMapper phones, QueueMapper queues, OrgApi orgs, IdGenerator ids,
                          ApplicationEventPublisher events, ObjectProvider<GatewayMonitor> monitor,
                          java.util.List<GatewayOrgFollower> followers) {
        this.gateways = gateways;
        this.phones = phones;
        this.queues = queues;
        this.orgs = orgs;
        this.ids = ids;
        this.events = events;
        this.monitor = monitor;
        this.followers = followers;
    }

    // ---- GatewayDirectory (for the AMI layer; unscoped, decrypted) ---------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<GatewayEndpoint> enabledGateways() {
        return gateways.selectEnabledUnscoped().stream().map(GatewayService::endpoint).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GatewayEndpoint> find(long gatewayId) {
        return Optional.ofNullable(gateways.selectByIdUnscoped(gatewayId)).map(GatewayService::endpoint);
    }

    static GatewayEndpoint endpoint(Gateway g) {
        return new GatewayEndpoint(g.getId(), g.getGatewayCode(), g.getGatewayName(), g.getSubsidiaryId(), g.getOrgPath(),
                g.getStationOrgId(), g.getAmiHost(), g.getAmiPort(), g.getAmiUsername(), g.getAmiSecret(), g.enabledNow());
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<GatewayViews.GatewayView> page(GatewayFilter f, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "g.kind, g.gateway_code") + ", g.id";
        f.setKind(CallcenterScope.blankToNull(f.getKind()) == null ? null : requireKind(f.getKind(), "kind").name());
        f.setKeywordLike(CallcenterScope.likeContains(f.getKeyword()));
        PageResult<Gateway> page = Paging.page(query, () -> gateways.list(f, orderBy));
        return page.map(this::view);
    }

    @Transactional(readOnly = true)
    public GatewayViews.GatewayView get(long id) {
        return view(scoped(id));
    }

    /** the gateway if the caller's data scope covers it; 404 otherwise */
    @Transactional(readOnly = true)
    public Gateway scoped(long id) {
        Gateway g = gateways.selectById(id);
        if (g == null) {
            throw BizException.notFound("网关");
        }
        return g;
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    @Transactional
    public GatewayViews.GatewayView create(GatewayRequests.GatewaySave req) {
        CurrentUser me = SecurityContext.require();
        String code = req.code().strip().toUpperCase();
        if (gateways.selectByCode(code) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "网关编码“" + code + "”已存在", "code");
        }
        if (req.amiSecret() == null || req.amiSecret().isBlank()) {
            throw BizException.invalid("amiSecret", "AMI 密码不能为空");
        }
        LocalDateTime now = LocalDateTime.now();
        Gateway g = new Gateway();
        g.setId(ids.nextId());
        g.setGatewayCode(code);
        fill(g, req, me);
        g.setAmiSecret(req.amiSecret());
        g.setEnabled(req.enabled() == null || req.enabled() ? 1 : 0);
        g.setRowVersion(0);
        g.setCreatedBy(me.userId());
        g.setCreatedAt(now);
        g.setUpdatedBy(me.userId());
        g.setUpdatedAt(now);
        gateways.insert(g);
        changed(g.getId());
        log.info("gateway {} created by {}", g, me.username());
        return view(gateways.selectByIdUnscoped(g.getId()));
    }

    @Transactional
    public GatewayViews.GatewayView update(long id, GatewayRequests.GatewaySave req) {
        CurrentUser me = SecurityContext.require();
        Gateway g = scoped(id);
        if (req.rowVersion() == null || !Objects.equals(req.rowVersion(), g.getRowVersion())) {
            throw BizException.conflict("网关已被他人修改，请刷新后重试");
        }
        if (!g.getGatewayCode().equalsIgnoreCase(req.code().strip())) {
            throw BizException.invalid("code", "网关编码创建后不能修改");
        }
        requireCovered(me, g);
        fill(g, req, me);
        // blank keeps the stored secret: the console never has it to send back
        g.setAmiSecret(req.amiSecret() == null || req.amiSecret().isBlank() ? null : req.amiSecret());
        g.setUpdatedBy(me.userId());
        g.setUpdatedAt(LocalDateTime.now());
        if (gateways.update(g) != 1) {
            throw BizException.conflict("网关已被他人修改，请刷新后重试");
        }
        phones.updateOrgOfGateway(g.getId(), g.getSubsidiaryId(), g.getOrgPath());
        queues.updateOrgOfGateway(g.getId(), g.getSubsidiaryId(), g.getOrgPath());
        for (GatewayOrgFollower f : followers) {
            f.gatewayMoved(g.getId(), g.getSubsidiaryId(), g.getOrgPath());
        }
        if (req.enabled() != null && req.enabled() != g.enabledNow()) {
            setEnabled(g, req.enabled(), me);
        }
        changed(g.getId());
        return view(gateways.selectByIdUnscoped(g.getId()));
    }

    @Transactional
    public GatewayViews.GatewayView enable(long id, boolean enabled) {
        CurrentUser me = SecurityContext.require();
        Gateway g = scoped(id);
        requireCovered(me, g);
        if (g.enabledNow() != enabled) {
            setEnabled(g, enabled, me);
            changed(g.getId());
        }
        return view(gateways.selectByIdUnscoped(g.getId()));
    }

    @Transactional
    public void delete(long id) {
        CurrentUser me = SecurityContext.require();
        Gateway g = scoped(id);
        requireCovered(me, g);
        int p = phones.countByGateway(id);
        int q = queues.countByGateway(id);
        int a = gateways.countAgents(id);
        if (p > 0 || q > 0 || a > 0) {
            throw BizException.conflict("网关“" + g.getGatewayName() + "”仍在使用（" + p + " 部话机、" + q + " 个队列、"
                    + a + " 名坐席），不能删除；可先停用");
        }
        gateways.delete(id);
        changed(id);
        log.info("gateway {} deleted by {}", g, me.username());
    }

    private void setEnabled(Gateway g, boolean enabled, CurrentUser me) {
        if (!enabled) {
            int online = gateways.countSignedInAgents(g.getId());
            if (online > 0) {
                throw BizException.conflict("网关“" + g.getGatewayName() + "”下还有 " + online + " 名坐席签入，请先签出再停用");
            }
        }
        gateways.updateEnabled(g.getId(), enabled ? 1 : 0, me.userId(), LocalDateTime.now());
    }

    /** kind, station, org columns, connection settings (not the secret, not enabled) */
    private void fill(Gateway g, GatewayRequests.GatewaySave req, CurrentUser me) {
        GatewayKind kind = requireKind(req.kind(), "kind");
        g.setKind(kind.name());
        g.setGatewayName(req.name().strip());
        if (kind == GatewayKind.STATION) {
            OrgInfo station = requireStation(req.stationOrgId());
            if (!CallcenterScope.covers(me, station.subsidiaryId(), station.orgPath())) {
                throw BizException.forbidden("无权为“" + station.orgName() + "”配置网关");
            }
            g.setStationOrgId(station.id());
            g.setSubsidiaryId(station.subsidiaryId() == null ? GROUP_SUBSIDIARY : station.subsidiaryId());
            g.setOrgPath(station.orgPath());
        } else {
            if (!CallcenterScope.isGroup(me)) {
                throw BizException.forbidden("总部网关由集团统一配置");
            }
            if (req.stationOrgId() != null) {
                throw BizException.invalid("stationOrgId", "总部网关不属于维修站，请不要选择维修站");
            }
            OrgInfo root = orgs.root().orElseThrow(() -> BizException.notFound("集团组织"));
            g.setStationOrgId(null);
            g.setSubsidiaryId(GROUP_SUBSIDIARY);
            g.setOrgPath(root.orgPath());
        }
        g.setAmiHost(req.amiHost().strip());
        g.setAmiPort(req.amiPort());
        g.setAmiUsername(req.amiUsername().strip());
        g.setAgiHost(CallcenterScope.blankToNull(req.agiHost()));
        g.setAgiPort(req.agiPort());
        if ((g.getAgiHost() == null) != (g.getAgiPort() == null)) {
            throw BizException.invalid(g.getAgiHost() == null ? "agiHost" : "agiPort", "FastAGI 地址和端口须同时填写");
        }
        g.setRecordingDir(CallcenterScope.blankToNull(req.recordingDir()));
        if (g.getRecordingDir() != null && (g.getRecordingDir().contains("..") || !g.getRecordingDir().startsWith("/"))) {
            throw BizException.invalid("recordingDir", "录音目录应为网关上的绝对路径，且不能包含“..”");
        }
        g.setRemark(CallcenterScope.blankToNull(req.remark()));
    }

    private OrgInfo requireStation(Long orgId) {
        if (orgId == null) {
            throw BizException.invalid("stationOrgId", "站部网关须选择所属维修站");
        }
        OrgInfo org = orgs.find(orgId).orElseThrow(() -> BizException.invalid("stationOrgId", "维修站不存在"));
        if (!REPAIR_STATION.equals(org.orgType())) {
            throw BizException.invalid("stationOrgId", "“" + org.orgName() + "”不是维修站");
        }
        return org;
    }

    private static void requireCovered(CurrentUser me, Gateway g) {
        if (GatewayKind.HQ.name().equals(g.getKind()) && !CallcenterScope.isGroup(me)) {
            throw BizException.forbidden("总部网关由集团统一配置");
        }
    }

    static GatewayKind requireKind(String s, String field) {
        return GatewayKind.parse(s).orElseThrow(() -> BizException.invalid(field, "网关类型只能是总部网关（HQ）或站部网关（STATION）"));
    }

    private void changed(long gatewayId) {
        AfterCommit.run(() -> events.publishEvent(new GatewayChanged(gatewayId)));
    }

    GatewayViews.GatewayView view(Gateway g) {
        String stationName = g.getStationOrgId() == null ? null
                : orgs.find(g.getStationOrgId()).map(OrgInfo::orgName).orElse(null);
        return new GatewayViews.GatewayView(g.getId(), g.getGatewayCode(), g.getGatewayName(), g.getKind(),
                GatewayKind.labelOf(g.getKind()), g.getStationOrgId(), stationName, g.getAmiHost(), g.getAmiPort(),
                g.getAmiUsername(), g.getAmiSecret() != null && !g.getAmiSecret().isEmpty(), g.getAgiHost(), g.getAgiPort(),
                g.getRecordingDir(), g.enabledNow(), g.getRemark(), phones.countByGateway(g.getId()),
                queues.countByGateway(g.getId()), status(g.getId()), g.getRowVersion(), g.getCreatedAt(), g.getUpdatedAt());
    }

    private GatewayStatusView status(long gatewayId) {
        GatewayMonitor m = monitor.getIfAvailable();
        if (m == null) {
            return null;
        }
        try {
            return m.status(gatewayId);
        } catch (RuntimeException e) {
            log.debug("no live status for gateway {}: {}", gatewayId, e.toString());
            return null;
        }
    }
}
