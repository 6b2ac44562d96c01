package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * IP phones of the gateways (PJSIP endpoints) and their registration state, cached from the AMI
 * DeviceStateChange events of {@code PJSIP/<endpoint>}. The SIP password is stored SM4-encrypted for the rendered
 * pjsip.conf and never returned.
 */
@Service
public class PhoneService {

    static final Map<String, String> SORTS = Map.of("extension", "p.extension", "createdAt", "p.created_at",
            "stateUpdatedAt", "p.state_updated_at");
    /** Asterisk device states that mean "no registered contact" */
    static final Set<String> UNREGISTERED = Set.of("UNAVAILABLE", "INVALID", "UNKNOWN");
    private static final String SECRET_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PhoneMapper phones;
    private final GatewayService gateways;
    private final GatewayMapper gatewayMapper;
    private final IdGenerator ids;
    /** gateway/endpoint → the device state last recorded (also for endpoints that are not phones, e.g. trunks) */
    private final Map<String, String> lastStates = new java.util.concurrent.ConcurrentHashMap<>();

    public PhoneService(PhoneMapper phones, GatewayService gateways, GatewayMapper gatewayMapper, IdGenerator ids) {
        this.phones = phones;
        this.gateways = gateways;
        this.gatewayMapper = gatewayMapper;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    public PageResult<GatewayViews.PhoneView> page(PhoneFilter f, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "p.gateway_id, p.extension") + ", p.id";
        f.setKeywordLike(CallcenterScope.likeContains(f.getKeyword()));
        PageResult<Phone> page = Paging.page(query, () -> phones.list(f, orderBy));
        List<GatewayViews.PhoneView> views = views(page.records());
        return new PageResult<>(views, page.total(), page.page(), page.size(), page.totalCapped());
    }

    @Transactional(readOnly = true)
    public GatewayViews.PhoneView get(long id) {
        return views(List.of(scoped(id))).get(0);
    }

    @Transactional(readOnly = true)
    public Phone scoped(long id) {
        Phone p = phones.selectById(id);
        if (p == null) {
            throw BizException.notFound("话机");
        }
        return p;
    }

    @Transactional
    public GatewayViews.PhoneView create(GatewayRequests.PhoneSave req) {
        CurrentUser me = SecurityContext.require();
        Gateway g = gateways.scoped(req.gatewayId());
        String ext = req.extension().strip();
        String endpoint = CallcenterScope.blankToNull(req.endpointName()) == null ? ext : req.endpointName().strip();
        requireFree(g, ext, endpoint, null);
        LocalDateTime now = LocalDateTime.now();
        Phone p = new Phone();
        p.setId(ids.nextId());
        p.setGatewayId(g.getId());
        p.setExtension(ext);
        p.setEndpointName(endpoint);
        p.setSipSecret(req.sipSecret() == null || req.sipSecret().isBlank() ? randomSecret() : req.sipSecret());
        p.setModel(CallcenterScope.blankToNull(req.model()));
        p.setMac(normaliseMac(req.mac()));
        p.setRemark(CallcenterScope.blankToNull(req.remark()));
        p.setEnabled(req.enabled() == null || req.enabled() ? 1 : 0);
        p.setSubsidiaryId(g.getSubsidiaryId());
        p.setOrgPath(g.getOrgPath());
        p.setRowVersion(0);
        p.setCreatedBy(me.userId());
        p.setCreatedAt(now);
        p.setUpdatedBy(me.userId());
        p.setUpdatedAt(now);
        phones.insert(p);
        lastStates.clear();
        return get(p.getId());
    }

    @Transactional
    public GatewayViews.PhoneView update(long id, GatewayRequests.PhoneSave req) {
        CurrentUser me = SecurityContext.require();
        Phone p = scoped(id);
        if (req.rowVersion() == null || !Objects.equals(req.rowVersion(), p.getRowVersion())) {
            throw BizException.conflict("话机已被他人修改，请刷新后重试");
        }
        if (!Objects.equals(req.gatewayId(), p.getGatewayId())) {
            throw BizException.invalid("gatewayId", "话机不能改到其他网关，请在新网关下新建话机");
        }
        Gateway g = gateways.scoped(p.getGatewayId());
        String ext = req.extension().strip();
        String endpoint = CallcenterScope.blankToNull(req.endpointName()) == null ? ext : req.endpointName().strip();
        boolean identityChanged = !ext.equals(p.getExtension()) || !endpoint.equals(p.getEndpointName());
        boolean disabling = req.enabled() != null && !req.enabled() && p.enabledNow();
        if (identityChanged || disabling) {
            PhoneBinding b = binding(p.getId());
            if (b != null && !"SIGNED_OUT".equals(b.getState())) {
                throw BizException.conflict("话机正被坐席" + b.getJobNo() + "签入使用，请先签出再修改分机号或停用");
            }
        }
        if (identityChanged) {
            requireFree(g, ext, endpoint, p.getId());
        }
        p.setExtension(ext);
        p.setEndpointName(endpoint);
        p.setSipSecret(req.sipSecret() == null || req.sipSecret().isBlank() ? null : req.sipSecret());
        p.setModel(CallcenterScope.blankToNull(req.model()));
        p.setMac(normaliseMac(req.mac()));
        p.setRemark(CallcenterScope.blankToNull(req.remark()));
        p.setEnabled(req.enabled() == null ? p.getEnabled() : req.enabled() ? 1 : 0);
        p.setUpdatedBy(me.userId());
        p.setUpdatedAt(LocalDateTime.now());
        if (phones.update(p) != 1) {
            throw BizException.conflict("话机已被他人修改，请刷新后重试");
        }
        lastStates.clear();
        return get(p.getId());
    }

    @Transactional
    public void delete(long id) {
        Phone p = scoped(id);
        PhoneBinding b = binding(p.getId());
        if (b != null) {
            throw BizException.conflict("话机已绑定坐席" + b.getJobNo() + "（" + b.getAgentName() + "），请先解除绑定");
        }
        phones.delete(id);
        lastStates.clear();
    }

    /** a phone of the gateway by the endpoint name in a channel or interface (PJSIP/8001-00000005 → 8001) */
    @Transactional(readOnly = true)
    public Optional<Phone> byInterface(long gatewayId, String channelOrInterface) {
        String endpoint = endpointOf(channelOrInterface);
        return endpoint == null ? Optional.empty() : Optional.ofNullable(phones.selectByEndpoint(gatewayId, endpoint));
    }

    /**
     * Records the device state of {@code PJSIP/<endpoint>} (DeviceStateChange); returns the phone when the cached
     * state changed, empty when it is unknown or unchanged.
     */
    @Transactional
    public Optional<Phone> deviceState(long gatewayId, String device, String state) {
        if (state == null) {
            return Optional.empty();
        }
        String s = state.strip().toUpperCase();
        String endpoint = endpointOf(device);
        String key = gatewayId + "/" + endpoint;
        if (endpoint == null || s.equals(lastStates.get(key))) {
            // a phone rings, answers and hangs up in a handful of DeviceStateChanges: only changes reach the database
            return Optional.empty();
        }
        Optional<Phone> p = byInterface(gatewayId, device);
        if (p.isEmpty()) {
            lastStates.put(key, s);
            return Optional.empty();
        }
        int registered = UNREGISTERED.contains(s) ? 0 : 1;
        LocalDateTime now = LocalDateTime.now();
        int changed = phones.updateDeviceState(p.get().getId(), registered, s, now);
        lastStates.put(key, s);
        if (changed == 0) {
            return Optional.empty();
        }
        Phone ph = p.get();
        ph.setRegistered(registered);
        ph.setDeviceState(s);
        ph.setStateUpdatedAt(now);
        return Optional.of(ph);
    }

    /** "PJSIP/8001-00000005" or "PJSIP/8001" → "8001"; null for other technologies */
    public static String endpointOf(String channelOrInterface) {
        if (channelOrInterface == null || !channelOrInterface.regionMatches(true, 0, "PJSIP/", 0, 6)) {
            return null;
        }
        String rest = channelOrInterface.substring(6);
        int dash = rest.lastIndexOf('-');
        // channel names end in -<8 hex digits>; an endpoint name may itself contain dashes
        if (dash > 0 && rest.length() - dash - 1 == 8 && rest.substring(dash + 1).matches("[0-9a-fA-F]{8}")) {
            rest = rest.substring(0, dash);
        }
        return rest.isEmpty() ? null : rest;
    }

    private PhoneBinding binding(long phoneId) {
        List<PhoneBinding> b = phones.selectBindings(List.of(phoneId));
        return b.isEmpty() ? null : b.get(0);
    }

    private void requireFree(Gateway g, String ext, String endpoint, Long self) {
        Phone byExt = phones.selectByExtension(g.getId(), ext);
        if (byExt != null && !byExt.getId().equals(self)) {
            throw new BizException(ErrorCode.DUPLICATE, "网关“" + g.getGatewayName() + "”已有分机号" + ext, "extension");
        }
        Phone byEp = phones.selectByEndpoint(g.getId(), endpoint);
        if (byEp != null && !byEp.getId().equals(self)) {
            throw new BizException(ErrorCode.DUPLICATE, "网关“" + g.getGatewayName() + "”已有 PJSIP 终端“" + endpoint + "”", "endpointName");
        }
    }

    private List<GatewayViews.PhoneView> views(List<Phone> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, PhoneBinding> bindings = phones.selectBindings(list.stream().map(Phone::getId).toList()).stream()
                .collect(Collectors.toMap(PhoneBinding::getPhoneId, Function.identity(), (a, b) -> a));
        Map<Long, String> gatewayNames = new HashMap<>();
        gatewayMapper.selectByIdsUnscoped(list.stream().map(Phone::getGatewayId).distinct().toList())
                .forEach(g -> gatewayNames.put(g.getId(), g.getGatewayName()));
        return list.stream().map(p -> {
            PhoneBinding b = bindings.get(p.getId());
            return new GatewayViews.PhoneView(p.getId(), p.getGatewayId(), gatewayNames.get(p.getGatewayId()),
                    p.getExtension(), p.getEndpointName(), p.getSipSecret() != null, p.getModel(), p.getMac(),
                    p.getRemark(), p.enabledNow(), p.getRegistered() == null ? null : p.getRegistered() == 1,
                    p.getDeviceState(), p.getStateUpdatedAt(), b == null ? null : b.getAgentId(),
                    b == null ? null : b.getJobNo(), b == null ? null : b.getAgentName(), p.getRowVersion());
        }).toList();
    }

    static String normaliseMac(String mac) {
        if (mac == null || mac.isBlank()) {
            return null;
        }
        String hex = mac.replaceAll("[^0-9A-Fa-f]", "").toUpperCase();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, Math.min(i + 2, hex.length()));
        }
        return sb.toString();
    }

    private static String randomSecret() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(SECRET_CHARS.charAt(RANDOM.nextInt(SECRET_CHARS.length())));
        }
        return sb.toString();
    }
}
