package cn.heatdesk.baseinfo.demo;

import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.blacklist.BlacklistEntry;
import cn.heatdesk.baseinfo.blacklist.BlacklistMapper;
import cn.heatdesk.baseinfo.household.Household;
import cn.heatdesk.baseinfo.household.HouseholdMapper;
import cn.heatdesk.baseinfo.household.HouseholdRecord;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.household.Payment;
import cn.heatdesk.baseinfo.household.PaymentMapper;
import cn.heatdesk.baseinfo.household.RoomTemp;
import cn.heatdesk.baseinfo.household.UpsertOutcome;
import cn.heatdesk.baseinfo.node.CoverageService;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeMapper;
import cn.heatdesk.baseinfo.node.NodeRequests;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.baseinfo.node.NodeWriter.NodeDraft;
import cn.heatdesk.baseinfo.support.IdNumbers;
import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Demo heat network for the three demo subsidiaries: per subsidiary one company, two heat sources, four heat
 * stations, eight communities served by the subsidiary's six repair stations, 288 households with owners, phone
 * numbers, payments and room temperatures, plus two blacklist entries. Runs after the settings demo data, only in
 * demo mode and only once; {@code heatdesk.baseinfo.demo-data=false} leaves it out (load benchmarks).
 *
 * <p>Well-known numbers for trying the screen pop: 13800138000 owns two households in 城北 (a flat and a shop),
 * 17000000001 is blacklisted.
 */
@Component
@Order(30)
class BaseinfoDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BaseinfoDemoData.class);
    static final String DEMO_CALLER = "13800138000";
    static final String DEMO_BLACKLISTED = "17000000001";

    private static final String[][] SUBSIDIARIES = {{"SUB01", "城北"}, {"SUB02", "城东"}, {"SUB03", "城南"}};
    private static final String[] COMMUNITIES = {"幸福家园", "阳光花园", "锦绣华庭", "翠湖新村", "滨河雅苑", "春晖小区",
            "康宁嘉园", "丽景名邸", "紫荆公寓", "银河佳苑", "书香门第", "怡和新城", "华苑小区", "龙泉里", "枫林绿洲",
            "润泽园", "盛世华府", "泰和苑", "观澜国际", "御景湾", "青年公寓", "东方明珠园", "金色家园", "和平里"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "桂兰", "海燕", "伟", "静", "磊", "玉珍", "国庆", "淑华", "明"};

    private final HeatDeskProperties properties;
    private final boolean enabled;
    private final OrgApi orgs;
    private final NodeMapper nodes;
    private final NodeWriter nodeWriter;
    private final CoverageService coverage;
    private final HouseholdWriter householdWriter;
    private final HouseholdMapper households;
    private final PaymentMapper payments;
    private final BlacklistMapper blacklist;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final TransactionTemplate tx;

    BaseinfoDemoData(HeatDeskProperties properties, @Value("${heatdesk.baseinfo.demo-data:true}") boolean enabled,
                     OrgApi orgs, NodeMapper nodes, NodeWriter nodeWriter, CoverageService coverage,
                     HouseholdWriter householdWriter, HouseholdMapper households, PaymentMapper payments,
                     BlacklistMapper blacklist, FieldCipher cipher, IdGenerator ids, TransactionTemplate tx) {
        this.properties = properties;
        this.enabled = enabled;
        this.orgs = orgs;
        this.nodes = nodes;
        this.nodeWriter = nodeWriter;
        this.coverage = coverage;
        this.householdWriter = householdWriter;
        this.households = households;
        this.payments = payments;
        this.blacklist = blacklist;
        this.cipher = cipher;
        this.ids = ids;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<OrgInfo> first = orgs.findByCode(SUBSIDIARIES[0][0]);
        if (!properties.isDemo() || !enabled || first.isEmpty()
                || nodes.selectByCode(first.get().id(), SUBSIDIARIES[0][0] + "-C") != null) {
            return;
        }
        Random random = new Random(2026);
        int total = 0;
        int communityNo = 0;
        for (int s = 0; s < SUBSIDIARIES.length; s++) {
            Optional<OrgInfo> sub = orgs.findByCode(SUBSIDIARIES[s][0]);
            if (sub.isEmpty()) {
                continue;
            }
            int station0 = s * 6 + 1;
            int c0 = communityNo;
            String area = SUBSIDIARIES[s][1];
            total += tx.execute(st -> loadSubsidiary(sub.get(), area, station0, c0, random));
            communityNo += 8;
        }
        tx.executeWithoutResult(st -> loadBlacklist(first.get()));
        log.info("演示基础数据已生成：3 个供热公司、24 个小区、{} 户房屋（来电演示号码 {}，黑名单号码 {}）", total,
                DEMO_CALLER, DEMO_BLACKLISTED);
    }

    private int loadSubsidiary(OrgInfo sub, String area, int station0, int community0, Random random) {
        String p = sub.orgCode();
        HeatNode company = nodeWriter.create(new NodeDraft(NodeType.COMPANY, p + "-C", area + "热力有限公司", null,
                sub.id(), 1, area + "区供热大道1号", null), null, "BILLING");
        List<Long> stations = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            stations.add(orgs.findByCode(String.format("ST%02d", station0 + k)).map(OrgInfo::id).orElseThrow());
        }
        List<HeatNode> units = new ArrayList<>();
        int communityNo = community0;
        for (int hs = 1; hs <= 2; hs++) {
            HeatNode source = create(NodeType.HEAT_SOURCE, p + "-S" + hs, hs == 1 ? area + "热电厂" : area + "二号锅炉房",
                    company, hs);
            for (int h = 1; h <= 2; h++) {
                HeatNode station = create(NodeType.HEAT_STATION, p + "-S" + hs + "-H" + h, area + hs + "-" + h + "号换热站",
                        source, h);
                for (int c = 1; c <= 2; c++) {
                    String name = COMMUNITIES[communityNo % COMMUNITIES.length];
                    HeatNode community = create(NodeType.COMMUNITY, String.format("%s-Q%02d", p, communityNo + 1), name,
                            station, c);
                    communityNo++;
                    // communities are shared out over the subsidiary's six repair stations
                    long stationOrg = stations.get((communityNo - community0 - 1) % stations.size());
                    for (int b = 1; b <= 3; b++) {
                        HeatNode building = create(NodeType.BUILDING, community.getNodeCode() + "-B" + b, b + "号楼",
                                community, b);
                        for (int u = 1; u <= 2; u++) {
                            units.add(create(NodeType.UNIT, building.getNodeCode() + "-U" + u, u + "单元", building, u));
                        }
                    }
                    coverage.map(new NodeRequests.CoverageCreate(stationOrg, List.of(community.getId())));
                }
            }
        }
        List<HouseholdRecord> records = new ArrayList<>();
        int n = 0;
        for (HeatNode unit : units) {
            for (int floor = 1; floor <= 3; floor++) {
                for (int room = 1; room <= 2; room++, n++) {
                    String code = String.format("%s%06d", p.replace("SUB", "H"), n + 1);
                    String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
                    List<String> phones = new ArrayList<>();
                    phones.add(String.format("1%d%d%08d", 3 + random.nextInt(6), random.nextInt(10), random.nextInt(100_000_000)));
                    if (n % 5 == 0) {
                        phones.add(String.format("010-%08d", 60_000_000 + random.nextInt(30_000_000)));
                    }
                    String customerCode = null;
                    if (p.equals("SUB01") && (n == 0 || n == 7)) {
                        // the demo caller: a flat and a shop, one owner
                        phones = List.of(DEMO_CALLER);
                        name = "王建国";
                        customerCode = "C-DEMO-001";
                    }
                    int r = random.nextInt(100);
                    String status = r < 85 ? "HEATING" : r < 95 ? "SUSPENDED" : "STOPPED";
                    BigDecimal arrears = random.nextInt(100) < 20 ? BigDecimal.valueOf(300 + random.nextInt(4000)) : BigDecimal.ZERO;
                    String id17 = String.format("110105%04d%02d%02d%03d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                            1 + random.nextInt(28), random.nextInt(1000));
                    records.add(new HouseholdRecord(code, unit.getNodeCode(), null, String.valueOf(floor),
                            floor + "0" + room, BigDecimal.valueOf(60 + random.nextInt(80)), status, arrears, customerCode,
                            name, IdNumbers.withCheckDigit(id17), phones,
                            "M" + code, n % 3 == 0 ? "V" + code : null, null, null, LocalDateTime.now().minusDays(1)));
                }
            }
        }
        List<UpsertOutcome> outcomes = householdWriter.upsert(sub.id(), records, HouseholdWriter.Origin.BILLING);
        List<Long> created = outcomes.stream().filter(UpsertOutcome::ok).map(UpsertOutcome::householdId).toList();
        if (created.size() != records.size()) {
            throw new IllegalStateException("demo households rejected: " + outcomes.stream().filter(o -> !o.ok()).toList());
        }
        loadPaymentsAndTemperatures(households.selectByIdsUnscoped(created), random);
        return created.size();
    }

    private HeatNode create(NodeType type, String code, String name, HeatNode parent, int sort) {
        return nodeWriter.create(new NodeDraft(type, code, name, parent.getId(), null, sort, null, null), parent, "BILLING");
    }

    private void loadPaymentsAndTemperatures(List<Household> list, Random random) {
        LocalDateTime now = LocalDateTime.now();
        LocalDate seasonStart = LocalDate.of(now.getMonthValue() >= 10 ? now.getYear() : now.getYear() - 1, 10, 15);
        String season = seasonStart.getYear() + "-" + (seasonStart.getYear() + 1);
        List<Payment> pays = new ArrayList<>();
        List<RoomTemp> temps = new ArrayList<>();
        for (Household h : list) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                Payment p = new Payment();
                p.setId(ids.nextId());
                p.setHouseholdId(h.getId());
                boolean refund = i > 0 && random.nextInt(100) < 10;
                p.setPayKind(refund ? "REFUND" : "PAY");
                BigDecimal fee = h.getArea() == null ? BigDecimal.valueOf(2000) : h.getArea().multiply(BigDecimal.valueOf(24));
                p.setAmount(refund ? BigDecimal.valueOf(100 + random.nextInt(400)) : fee.setScale(2, java.math.RoundingMode.HALF_UP));
                p.setPaidAt(seasonStart.minusDays(60 - i * 20L).atTime(9 + random.nextInt(8), random.nextInt(60)));
                p.setSeason(season);
                p.setChannel(new String[]{"营业厅", "微信", "银行代收", "支付宝"}[random.nextInt(4)]);
                p.setDataSource("BILLING");
                p.setSourceRef("DEMO-P-" + p.getId());
                p.setReceivedAt(now);
                p.setSubsidiaryId(h.getSubsidiaryId());
                p.setOrgPath(h.getOrgPath());
                p.setCreatedBy(0L);
                pays.add(p);
            }
            if (random.nextInt(100) < 40) {
                double base = "HEATING".equals(h.getHeatingStatus()) ? 19 + random.nextInt(4) : 12 + random.nextInt(3);
                for (int k = 0; k < 8; k++) {
                    RoomTemp t = new RoomTemp();
                    t.setId(ids.nextId());
                    t.setHouseholdId(h.getId());
                    t.setMeasuredAt(now.minusHours(6L * k).withSecond(0).withNano(0));
                    t.setTemperature(BigDecimal.valueOf(base + random.nextInt(20) / 10.0).setScale(1, java.math.RoundingMode.HALF_UP));
                    t.setDataSource("SMART_NET");
                    t.setSourceRef("DEMO-T-" + t.getId());
                    t.setReceivedAt(now);
                    t.setSubsidiaryId(h.getSubsidiaryId());
                    t.setOrgPath(h.getOrgPath());
                    t.setCreatedBy(0L);
                    temps.add(t);
                }
            }
        }
        for (int i = 0; i < pays.size(); i += 300) {
            payments.insertBatch(pays.subList(i, Math.min(pays.size(), i + 300)));
        }
        for (int i = 0; i < temps.size(); i += 300) {
            payments.insertTemps(temps.subList(i, Math.min(temps.size(), i + 300)));
        }
    }

    private void loadBlacklist(OrgInfo sub) {
        LocalDateTime now = LocalDateTime.now();
        blacklist.insert(entry(DEMO_BLACKLISTED, "多次恶意骚扰、辱骂坐席", null, sub, now.minusDays(10)));
        blacklist.insert(entry("17000000002", "频繁无效来电（已到期）", now.minusDays(1), sub, now.minusDays(31)));
    }

    private BlacklistEntry entry(String phone, String reason, LocalDateTime expires, OrgInfo sub, LocalDateTime at) {
        BlacklistEntry e = new BlacklistEntry();
        e.setId(ids.nextId());
        e.setPhone(phone);
        e.setPhoneBidx(cipher.blindIndexPhone(phone));
        e.setReason(reason);
        e.setExpiresAt(expires);
        e.setStatus("ACTIVE");
        e.setSubsidiaryId(sub.id());
        e.setOrgPath(sub.orgPath());
        e.setRowVersion(0);
        e.setCreatedBy(0L);
        e.setCreatedByName("系统管理员");
        e.setCreatedAt(at);
        return e;
    }
}
