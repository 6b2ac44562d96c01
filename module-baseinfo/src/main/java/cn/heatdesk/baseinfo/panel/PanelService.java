package cn.heatdesk.baseinfo.panel;

import cn.heatdesk.baseinfo.api.BlacklistHit;
import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.CoverageApi;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.baseinfo.api.HouseholdTicketProvider;
import cn.heatdesk.baseinfo.api.RoomTemperatureApi;
import cn.heatdesk.baseinfo.api.TicketBrief;
import cn.heatdesk.baseinfo.blacklist.BlacklistService;
import cn.heatdesk.baseinfo.household.Customer;
import cn.heatdesk.baseinfo.household.CustomerMapper;
import cn.heatdesk.baseinfo.household.CustomerPhone;
import cn.heatdesk.baseinfo.household.CustomerPhoneMapper;
import cn.heatdesk.baseinfo.household.Household;
import cn.heatdesk.baseinfo.household.HouseholdMapper;
import cn.heatdesk.baseinfo.household.Payment;
import cn.heatdesk.baseinfo.household.PaymentMapper;
import cn.heatdesk.baseinfo.household.RoomTemp;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeMapper;
import cn.heatdesk.kernel.crypto.BlindIndexNormalizer;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The household 360 view (screen pop) and the household lookups other modules use. One fast path of a handful of
 * indexed queries, none per row: phone blind index → bindings → households of those customers; then for one
 * household its customer and phones, the tree ancestors (ids parsed from node_path, one IN query), the covering
 * station, the last payments and room temperatures (top-N by index), and the blacklist hits of all its numbers in
 * one query. Reads are unscoped (the call center sees the whole group); the console's controller applies the
 * user's scope to the rows it returns.
 */
@Service
public class PanelService implements HouseholdApi, RoomTemperatureApi {

    static final int RECENT = 10;
    /** bindings of one number considered at most (a shared switchboard number must not fan out without bound) */
    static final int MAX_BINDINGS = 200;
    /** a PBX presents out-of-area mobiles with a trunk 0: 013812341234 */
    private static final Pattern TRUNK_MOBILE = Pattern.compile("01[3-9]\\d{9}");
    private static final BigDecimal MIN_TEMP = new BigDecimal("-50");
    private static final BigDecimal MAX_TEMP = new BigDecimal("60");

    private final HouseholdMapper households;
    private final CustomerMapper customers;
    private final CustomerPhoneMapper phones;
    private final PaymentMapper payments;
    private final NodeMapper nodes;
    private final BlacklistService blacklist;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final ObjectProvider<HouseholdTicketProvider> tickets;
    private final ObjectProvider<CoverageApi> coverage;

    public PanelService(HouseholdMapper households, CustomerMapper customers, CustomerPhoneMapper phones,
                        PaymentMapper payments, NodeMapper nodes, BlacklistService blacklist, FieldCipher cipher,
                        IdGenerator ids, ObjectProvider<HouseholdTicketProvider> tickets,
                        ObjectProvider<CoverageApi> coverage) {
        this.households = households;
        this.customers = customers;
        this.phones = phones;
        this.payments = payments;
        this.nodes = nodes;
        this.blacklist = blacklist;
        this.cipher = cipher;
        this.ids = ids;
        this.tickets = tickets;
        this.coverage = coverage;
    }

    // ---- HouseholdApi ------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<HouseholdSummary> find(long householdId) {
        return Optional.ofNullable(households.selectByIdUnscoped(householdId)).map(PanelService::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<HouseholdSummary> findByCode(long subsidiaryId, String householdCode) {
        if (householdCode == null || householdCode.isBlank()) {
            return Optional.empty();
        }
        return households.selectByCodes(subsidiaryId, List.of(householdCode.strip())).stream().findFirst()
                .map(PanelService::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<HouseholdSummary> findByPhone(String phone) {
        String bidx = callerBidx(phone);
        return bidx == null ? List.of() : householdsOf(bidx).stream().map(PanelService::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> nodeNames(Collection<Long> nodeIds) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (nodeIds == null || nodeIds.isEmpty()) {
            return out;
        }
        List<Long> ids = nodeIds.stream().filter(Objects::nonNull).distinct().toList();
        // IN lists stay within what every dialect accepts
        for (int i = 0; i < ids.size(); i += 500) {
            nodes.selectByIdsUnscoped(ids.subList(i, Math.min(ids.size(), i + 500)))
                    .forEach(n -> out.put(n.getId(), n.getNodeName()));
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public HouseholdPanel panel(long householdId) {
        Household h = households.selectByIdUnscoped(householdId);
        if (h == null) {
            throw BizException.notFound("房屋");
        }
        return build(h, null).panel();
    }

    @Override
    @Transactional(readOnly = true)
    public CallerPanel panelForCaller(String phone) {
        return caller(phone, households -> households);
    }

    /**
     * The caller panel over the households {@code visible} keeps (the console passes the user's scope).
     *
     * @param phone any format; a number that cannot be a phone number finds nothing
     */
    @Transactional(readOnly = true)
    public CallerPanel caller(String phone, UnaryOperator<List<Household>> visible) {
        String normalized = callerNumber(phone);
        String bidx = normalized == null ? null : cipher.blindIndexPhone(normalized);
        if (bidx == null) {
            return new CallerPanel(phone, List.of(), null, List.of());
        }
        List<Household> found = visible.apply(householdsOf(bidx));
        if (found.isEmpty()) {
            return new CallerPanel(normalized, List.of(), null, blacklist.hitsByBidx(List.of(bidx)));
        }
        Built b = build(found.get(0), bidx);
        return new CallerPanel(normalized, found.stream().map(PanelService::summary).toList(), b.panel(), b.callerHits());
    }

    /** the panel of a household already loaded (the console checked the user's scope on it) */
    @Transactional(readOnly = true)
    public HouseholdPanel panelOf(Household h) {
        return build(h, null).panel();
    }

    // ---- RoomTemperatureApi ------------------------------------------------------------------------------------

    @Override
    @Transactional
    public long record(long householdId, BigDecimal temperature, LocalDateTime measuredAt, String source, String sourceRef) {
        if (temperature == null || temperature.compareTo(MIN_TEMP) < 0 || temperature.compareTo(MAX_TEMP) > 0) {
            throw BizException.invalid("temperature", "室温应在-50到60摄氏度之间");
        }
        if (measuredAt == null) {
            throw BizException.invalid("measuredAt", "测量时间不能为空");
        }
        if (source == null || source.isBlank() || source.strip().length() > 16) {
            throw BizException.invalid("source", "数据来源不能为空且不超过16个字符");
        }
        if (sourceRef == null || sourceRef.isBlank() || sourceRef.strip().length() > 64) {
            throw BizException.invalid("sourceRef", "来源编号不能为空且不超过64个字符");
        }
        String src = source.strip();
        String ref = sourceRef.strip();
        List<RoomTemp> existing = payments.selectTempsByRefs(src, List.of(ref));
        if (!existing.isEmpty()) {
            return existing.get(0).getId();
        }
        Household h = households.selectByIdUnscoped(householdId);
        if (h == null) {
            throw BizException.notFound("房屋");
        }
        RoomTemp t = new RoomTemp();
        t.setId(ids.nextId());
        t.setHouseholdId(householdId);
        t.setMeasuredAt(measuredAt);
        t.setTemperature(temperature.setScale(1, RoundingMode.HALF_UP));
        t.setDataSource(src);
        t.setSourceRef(ref);
        t.setReceivedAt(LocalDateTime.now());
        t.setSubsidiaryId(h.getSubsidiaryId());
        t.setOrgPath(h.getOrgPath());
        t.setCreatedBy(SecurityContext.userIdOrSystem());
        payments.insertTemps(List.of(t));
        return t.getId();
    }

    // ---- the fast path -----------------------------------------------------------------------------------------

    /** the panel plus, when a caller number is given, the blacklist hits of that number */
    record Built(HouseholdPanel panel, List<BlacklistHit> callerHits) {
    }

    private Built build(Household h, String callerBidx) {
        Customer customer = h.getCustomerId() == null ? null : customers.selectByIdUnscoped(h.getCustomerId());
        List<CustomerPhone> numbers = customer == null ? List.of() : phones.selectByCustomerIds(List.of(customer.getId()));

        List<Long> pathIds = pathIds(h.getNodePath());
        Map<Long, HeatNode> byId = new HashMap<>();
        if (!pathIds.isEmpty()) {
            nodes.selectByIdsUnscoped(pathIds).forEach(n -> byId.put(n.getId(), n));
        }
        List<HouseholdPanel.PathNode> path = new ArrayList<>();
        for (Long id : pathIds) {
            HeatNode n = byId.get(id);
            if (n != null) {
                path.add(new HouseholdPanel.PathNode(n.getId(), n.getNodeType(), n.getNodeCode(), n.getNodeName()));
            }
        }

        CoverageApi cov = coverage.getIfAvailable();
        Long stationId = cov == null ? null : cov.stationForNode(h.getUnitId()).orElse(null);

        HouseholdTicketProvider provider = tickets.getIfAvailable();
        List<TicketBrief> recent = provider == null ? List.of() : provider.recentForHousehold(h.getId(), RECENT);
        List<TicketBrief> unitOpen = provider == null ? List.of() : provider.openInUnit(h.getUnitId(), h.getId(), RECENT);

        List<HouseholdPanel.PaymentLine> paid = Paging.limit(RECENT, () -> payments.selectByHousehold(h.getId())).stream()
                .map(PanelService::paymentLine).toList();
        List<HouseholdPanel.TemperatureLine> temps = Paging.limit(RECENT, () -> payments.selectTempsByHousehold(h.getId()))
                .stream().map(t -> new HouseholdPanel.TemperatureLine(t.getId(), t.getTemperature(), t.getMeasuredAt(),
                        t.getDataSource(), t.getReceivedAt())).toList();

        // one query for the customer's numbers and the caller's number together
        Set<String> ownBidx = new LinkedHashSet<>();
        numbers.forEach(p -> ownBidx.add(p.getPhoneBidx()));
        Set<String> all = new LinkedHashSet<>(ownBidx);
        if (callerBidx != null) {
            all.add(callerBidx);
        }
        List<BlacklistHit> hits = new ArrayList<>();
        List<BlacklistHit> callerHits = new ArrayList<>();
        if (!all.isEmpty()) {
            Map<Long, String> bidxOf = new HashMap<>();
            List<BlacklistHit> found = blacklistHits(all, bidxOf);
            for (BlacklistHit hit : found) {
                String b = bidxOf.get(hit.id());
                if (ownBidx.contains(b)) {
                    hits.add(hit);
                }
                if (b.equals(callerBidx)) {
                    callerHits.add(hit);
                }
            }
        }

        HouseholdPanel.Customer c = customer == null ? null : new HouseholdPanel.Customer(customer.getId(),
                customer.getCustomerCode(), customer.getCustomerName(), customer.getCustomerType(), customer.getIdNumber(),
                customer.getContactPref(), customer.getContactTime(),
                customer.getNoDisturb() != null && customer.getNoDisturb() == 1,
                numbers.stream().map(p -> new HouseholdPanel.Phone(p.getId(), p.getPhone(), p.getPhoneKind(),
                        p.getIsPrimary() != null && p.getIsPrimary() == 1, p.getDataSource())).toList());
        HouseholdPanel panel = new HouseholdPanel(summary(h), h.getMeterNo(), h.getValveNo(), h.getTags(), h.getRemark(),
                h.getDataSource(), h.getBillingUpdatedAt(), c, path, stationId, recent, unitOpen, provider != null, paid,
                temps, hits);
        return new Built(panel, callerHits);
    }

    private List<BlacklistHit> blacklistHits(Set<String> bidxs, Map<Long, String> bidxOf) {
        return blacklist.entriesByBidx(bidxs).stream().map(e -> {
            bidxOf.put(e.getId(), e.getPhoneBidx());
            return BlacklistService.hit(e);
        }).toList();
    }

    /** every household of the customers the number is bound to, in code order */
    private List<Household> householdsOf(String bidx) {
        List<Long> customerIds = phones.selectByBidx(bidx).stream().map(CustomerPhone::getCustomerId).distinct()
                .limit(MAX_BINDINGS).toList();
        return customerIds.isEmpty() ? List.of() : households.selectByCustomerIds(customerIds);
    }

    /**
     * The number as stored (digits, no +86), or null when the caller id cannot be a phone number (anonymous,
     * empty). A trunk 0 before a mobile number is dropped.
     */
    static String callerNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String d = BlindIndexNormalizer.phone(raw);
        if (d == null || d.length() < 3) {
            return null;
        }
        return TRUNK_MOBILE.matcher(d).matches() ? d.substring(1) : d;
    }

    private String callerBidx(String raw) {
        String n = callerNumber(raw);
        return n == null ? null : cipher.blindIndexPhone(n);
    }

    /** "/1/2/3/" → [1, 2, 3]; malformed segments are skipped */
    static List<Long> pathIds(String nodePath) {
        List<Long> out = new ArrayList<>();
        if (nodePath == null) {
            return out;
        }
        for (String s : nodePath.split("/")) {
            if (!s.isEmpty()) {
                try {
                    out.add(Long.parseLong(s));
                } catch (NumberFormatException ignored) {
                    // not an id: a corrupt path shows a shorter breadcrumb rather than failing the screen pop
                }
            }
        }
        return out;
    }

    static HouseholdSummary summary(Household h) {
        return new HouseholdSummary(h.getId(), h.getHouseholdCode(), h.getUnitId(), h.getNodePath(), h.getAddress(),
                h.getRoomNo(), h.getArea(), h.getHeatingStatus(), h.getArrears(), h.getCustomerId(), h.getOwnerName(),
                h.getSubsidiaryId(), h.getOrgPath());
    }

    private static HouseholdPanel.PaymentLine paymentLine(Payment p) {
        return new HouseholdPanel.PaymentLine(p.getId(), p.getPayKind(), p.getAmount(), p.getPaidAt(), p.getSeason(),
                p.getChannel(), p.getDataSource(), p.getReceivedAt());
    }
}
