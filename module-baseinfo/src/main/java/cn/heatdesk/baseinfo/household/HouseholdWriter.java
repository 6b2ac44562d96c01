package cn.heatdesk.baseinfo.household;

import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeMapper;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.baseinfo.support.IdNumbers;
import cn.heatdesk.baseinfo.support.PhoneNumbers;
import cn.heatdesk.baseinfo.support.Pinyin;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.DictItemOption;
import cn.heatdesk.settings.api.DictionaryApi;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one write path for households and their owners: console edits, Excel imports, billing sync and demo data
 * all upsert through here, keyed by (subsidiary, household code), so a re-run of the same input changes nothing.
 *
 * <p>Field ownership: the billing system owns code, placement (unit, floor, room), area, owner (name, ID number,
 * its phone numbers), heating status, arrears and meter/valve ids; HeatDesk owns tags, remark and phone numbers
 * bound by hand. A {@link Origin#BILLING} upsert never touches HeatDesk's fields and replaces only the phones the
 * billing system gave earlier; {@link Origin#IMPORT}/{@link Origin#MANUAL} write what they supply and only add
 * phones.
 *
 * <p>Runs in the caller's transaction. Invalid records are rejected one by one with field and reason; valid records
 * of the same batch are written with multi-row inserts.
 */
@Component
public class HouseholdWriter {

    public enum Origin { MANUAL, IMPORT, BILLING }

    public static final String HEATING_STATUS_DICT = "heating_status";
    private static final Pattern CODE = NodeWriter.CODE;
    private static final int CHUNK = 400;
    private static final BigDecimal MAX_AREA = new BigDecimal("100000");
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");

    private final HouseholdMapper households;
    private final CustomerMapper customers;
    private final CustomerPhoneMapper phones;
    private final NodeMapper nodes;
    private final DictionaryApi dicts;
    private final FieldCipher cipher;
    private final IdGenerator ids;

    public HouseholdWriter(HouseholdMapper households, CustomerMapper customers, CustomerPhoneMapper phones,
                           NodeMapper nodes, DictionaryApi dicts, FieldCipher cipher, IdGenerator ids) {
        this.households = households;
        this.customers = customers;
        this.phones = phones;
        this.nodes = nodes;
        this.dicts = dicts;
        this.cipher = cipher;
        this.ids = ids;
    }

    /** a record that passed field checks, with normalised values */
    private static final class Row {
        final int index;
        final HouseholdRecord r;
        final String code;
        HeatNode unit;
        String heatingStatus;
        List<String> phones;
        String idNumber;
        String customerCode;

        Row(int index, HouseholdRecord r, String code) {
            this.index = index;
            this.r = r;
            this.code = code;
        }

        boolean hasOwner() {
            return r.customerCode() != null || notBlank(r.ownerName()) || idNumber != null || !phones.isEmpty();
        }
    }

    /** Upserts {@code records} into one subsidiary; returns one outcome per record, in input order. */
    public List<UpsertOutcome> upsert(long subsidiaryId, List<HouseholdRecord> records, Origin origin) {
        UpsertOutcome[] out = new UpsertOutcome[records.size()];
        Map<String, String> statuses = heatingStatuses();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstByCode = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            HouseholdRecord r = records.get(i);
            try {
                Row row = validate(i, r, statuses);
                Integer first = firstByCode.putIfAbsent(row.code, i);
                if (first != null) {
                    throw BizException.invalid("householdCode", "房屋编码“" + row.code + "”与本批第" + (first + 1) + "条重复");
                }
                rows.add(row);
            } catch (BizException e) {
                out[i] = rejected(i, e);
            }
        }
        resolveUnits(subsidiaryId, rows, out);
        rows.removeIf(row -> out[row.index] != null);
        if (!rows.isEmpty()) {
            write(subsidiaryId, rows, origin, out);
        }
        return List.of(out);
    }

    private Row validate(int i, HouseholdRecord r, Map<String, String> statuses) {
        String code = r.householdCode() == null ? "" : r.householdCode().strip();
        if (code.isEmpty()) {
            throw BizException.invalid("householdCode", "房屋编码不能为空");
        }
        if (!CODE.matcher(code).matches()) {
            throw BizException.invalid("householdCode", "房屋编码只能包含字母、数字、下划线、点和短横线，且不超过64位");
        }
        Row row = new Row(i, r, code);
        if (r.unitId() == null && (r.unitCode() == null || r.unitCode().isBlank())) {
            throw BizException.invalid("unitCode", "请指定房屋所在单元（单元编码）");
        }
        if (r.roomNo() == null || r.roomNo().isBlank()) {
            throw BizException.invalid("roomNo", "房号不能为空");
        }
        maxLen(r.roomNo(), 32, "roomNo", "房号");
        maxLen(r.floorNo(), 16, "floorNo", "楼层");
        maxLen(r.ownerName(), 64, "ownerName", "户主姓名");
        maxLen(r.meterNo(), 64, "meterNo", "热表号");
        maxLen(r.valveNo(), 64, "valveNo", "阀门号");
        maxLen(r.tags(), 200, "tags", "标签");
        maxLen(r.remark(), 500, "remark", "备注");
        if (r.area() != null && (r.area().signum() <= 0 || r.area().compareTo(MAX_AREA) > 0)) {
            throw BizException.invalid("area", "建筑面积应大于0且不超过100000平方米");
        }
        if (r.arrears() != null && r.arrears().abs().compareTo(MAX_MONEY) > 0) {
            throw BizException.invalid("arrears", "欠费金额超出范围");
        }
        if (r.heatingStatus() != null && !r.heatingStatus().isBlank()) {
            String s = statuses.get(r.heatingStatus().strip());
            if (s == null) {
                throw BizException.invalid("heatingStatus", "供热状态“" + r.heatingStatus().strip() + "”不在字典中（可选："
                        + String.join("/", new LinkedHashSet<>(statuses.values()).stream()
                        .map(c -> labelOf(statuses, c)).toList()) + "）");
            }
            row.heatingStatus = s;
        }
        if (r.customerCode() != null && !r.customerCode().isBlank()) {
            String cc = r.customerCode().strip();
            if (!CODE.matcher(cc).matches()) {
                throw BizException.invalid("customerCode", "客户编号只能包含字母、数字、下划线、点和短横线，且不超过64位");
            }
            row.customerCode = cc;
        }
        row.idNumber = IdNumbers.requireValidOrNull(r.ownerIdNumber(), "ownerIdNumber");
        List<String> list = new ArrayList<>();
        if (r.phones() != null) {
            for (String p : r.phones()) {
                for (String n : PhoneNumbers.requireList(p, "phones")) {
                    if (!list.contains(n)) {
                        list.add(n);
                    }
                }
            }
        }
        if (list.size() > 10) {
            throw BizException.invalid("phones", "一个客户最多绑定10个电话号码");
        }
        row.phones = list;
        if (row.customerCode == null && row.hasOwner()) {
            row.customerCode = code;
        }
        return row;
    }

    private void resolveUnits(long subsidiaryId, List<Row> rows, UpsertOutcome[] out) {
        Set<String> codes = new HashSet<>();
        Set<Long> unitIds = new HashSet<>();
        for (Row row : rows) {
            if (row.r.unitId() != null) {
                unitIds.add(row.r.unitId());
            } else {
                codes.add(row.r.unitCode().strip());
            }
        }
        Map<String, HeatNode> byCode = new HashMap<>();
        for (List<String> chunk : chunks(codes)) {
            nodes.selectByCodes(subsidiaryId, chunk).forEach(n -> byCode.put(n.getNodeCode(), n));
        }
        Map<Long, HeatNode> byId = new HashMap<>();
        for (List<Long> chunk : chunks(unitIds)) {
            nodes.selectByIdsUnscoped(chunk).forEach(n -> byId.put(n.getId(), n));
        }
        for (Row row : rows) {
            HeatNode unit = row.r.unitId() != null ? byId.get(row.r.unitId()) : byCode.get(row.r.unitCode().strip());
            String what = row.r.unitId() != null ? "单元" : "单元编码“" + row.r.unitCode().strip() + "”";
            if (unit == null || unit.getSubsidiaryId() != subsidiaryId) {
                out[row.index] = new UpsertOutcome(row.index, UpsertOutcome.Kind.REJECTED, null, "unitCode",
                        what + "在本分公司不存在");
            } else if (!NodeType.UNIT.name().equals(unit.getNodeType())) {
                out[row.index] = new UpsertOutcome(row.index, UpsertOutcome.Kind.REJECTED, null, "unitCode",
                        what + "不是单元节点（是" + NodeType.parse(unit.getNodeType()).map(NodeType::label).orElse("?")
                                + "），房屋只能挂在单元下");
            } else if (unit.getEnabled() == null || unit.getEnabled() != 1) {
                out[row.index] = new UpsertOutcome(row.index, UpsertOutcome.Kind.REJECTED, null, "unitCode",
                        what + "已停用");
            } else {
                row.unit = unit;
            }
        }
    }

    private void write(long subsidiaryId, List<Row> rows, Origin origin, UpsertOutcome[] out) {
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        Map<String, Household> existing = loadBy(rows.stream().map(r -> r.code).toList(),
                c -> households.selectByCodes(subsidiaryId, c), Household::getHouseholdCode);
        Map<String, Customer> custs = loadBy(rows.stream().map(r -> r.customerCode).filter(Objects::nonNull).distinct().toList(),
                c -> customers.selectByCodes(subsidiaryId, c), Customer::getCustomerCode);
        Map<Long, List<CustomerPhone>> phonesByCustomer = new HashMap<>();
        for (List<Long> chunk : chunks(custs.values().stream().map(Customer::getId).toList())) {
            for (CustomerPhone p : phones.selectByCustomerIds(chunk)) {
                phonesByCustomer.computeIfAbsent(p.getCustomerId(), k -> new ArrayList<>()).add(p);
            }
        }
        Set<Long> newCustomerIds = new HashSet<>();
        Set<Long> dirtyCustomers = new LinkedHashSet<>();
        List<CustomerPhone> phoneInserts = new ArrayList<>();
        List<Long> phoneDeletes = new ArrayList<>();
        List<Household> inserts = new ArrayList<>();
        List<Household> updates = new ArrayList<>();
        Map<Long, Integer> indexOfUpdate = new HashMap<>();

        for (Row row : rows) {
            Household h = existing.get(row.code);
            if (origin == Origin.BILLING && h != null && h.getBillingUpdatedAt() != null
                    && row.r.billingUpdatedAt() != null && row.r.billingUpdatedAt().isBefore(h.getBillingUpdatedAt())) {
                out[row.index] = new UpsertOutcome(row.index, UpsertOutcome.Kind.STALE, h.getId(), null,
                        "计费系统记录早于已同步的版本，已忽略");
                continue;
            }
            Customer c = null;
            boolean customerChanged = false;
            if (row.hasOwner()) {
                c = custs.get(row.customerCode);
                if (c == null) {
                    if (!notBlank(row.r.ownerName())) {
                        out[row.index] = new UpsertOutcome(row.index, UpsertOutcome.Kind.REJECTED, null, "ownerName",
                                "新客户（编号" + row.customerCode + "）须填写户主姓名");
                        continue;
                    }
                    c = newCustomer(subsidiaryId, row, origin, now, user);
                    custs.put(row.customerCode, c);
                    newCustomerIds.add(c.getId());
                    customerChanged = true;
                } else if (!newCustomerIds.contains(c.getId())) {
                    customerChanged = applyOwner(c, row);
                    if (customerChanged) {
                        c.setUpdatedAt(now);
                        c.setUpdatedBy(user);
                        dirtyCustomers.add(c.getId());
                    }
                }
                customerChanged |= mergePhones(c, row.r.phones() == null ? null : row.phones, origin, phonesByCustomer,
                        phoneInserts, phoneDeletes, now, user);
            }
            if (h == null) {
                h = new Household();
                h.setId(ids.nextId());
                h.setHouseholdCode(row.code);
                h.setSubsidiaryId(subsidiaryId);
                h.setEnabled(1);
                h.setDataSource(origin.name());
                h.setHeatingStatus(row.heatingStatus == null ? "HEATING" : row.heatingStatus);
                h.setArrears(money(row.r.arrears() == null ? BigDecimal.ZERO : row.r.arrears()));
                place(h, row);
                applyFields(h, row, origin, c);
                h.setCreatedAt(now);
                h.setCreatedBy(user);
                h.setUpdatedAt(now);
                h.setUpdatedBy(user);
                h.setRowVersion(0);
                inserts.add(h);
                existing.put(row.code, h);
                out[row.index] = new UpsertOutcome(row.index, UpsertOutcome.Kind.CREATED, h.getId(), null, null);
            } else {
                String before = snapshot(h);
                place(h, row);
                if (row.heatingStatus != null) {
                    h.setHeatingStatus(row.heatingStatus);
                }
                if (row.r.arrears() != null) {
                    h.setArrears(money(row.r.arrears()));
                }
                applyFields(h, row, origin, c);
                if (origin == Origin.BILLING) {
                    h.setDataSource(Origin.BILLING.name());
                }
                boolean changed = !before.equals(snapshot(h));
                if (changed) {
                    h.setUpdatedAt(now);
                    h.setUpdatedBy(user);
                    updates.add(h);
                    indexOfUpdate.put(h.getId(), row.index);
                }
                out[row.index] = new UpsertOutcome(row.index,
                        changed || customerChanged ? UpsertOutcome.Kind.UPDATED : UpsertOutcome.Kind.UNCHANGED,
                        h.getId(), null, null);
            }
        }

        List<Customer> customerInserts = custs.values().stream().filter(c -> newCustomerIds.contains(c.getId())).toList();
        for (List<Customer> chunk : chunks(customerInserts)) {
            customers.insertBatch(chunk);
        }
        for (Customer c : custs.values()) {
            if (dirtyCustomers.contains(c.getId()) && customers.update(c) == 0) {
                throw new BizException(ErrorCode.CONFLICT, "客户“" + c.getCustomerName() + "”已被他人修改，请重试", "ownerName");
            }
        }
        for (Long id : phoneDeletes) {
            phones.deleteById(id);
        }
        for (List<CustomerPhone> chunk : chunks(phoneInserts)) {
            phones.insertBatch(chunk);
        }
        for (List<Household> chunk : chunks(inserts)) {
            households.insertBatch(chunk);
        }
        for (Household h : updates) {
            if (households.update(h) == 0) {
                throw new BizException(ErrorCode.CONFLICT, "房屋“" + h.getHouseholdCode() + "”已被他人修改，请重试",
                        "householdCode");
            }
            h.setRowVersion(h.getRowVersion() + 1);
        }
    }

    /** unit, address, floor and room: the household's placement in the tree */
    private static void place(Household h, Row row) {
        HeatNode unit = row.unit;
        h.setUnitId(unit.getId());
        h.setNodePath(unit.getNodePath());
        h.setOrgPath(unit.getOrgPath());
        h.setRoomNo(row.r.roomNo().strip());
        if (row.r.floorNo() != null) {
            h.setFloorNo(blankToNull(row.r.floorNo()));
        }
        h.setAddress(address(unit.getFullName(), h.getRoomNo()));
    }

    /** 幸福家园 3号楼 2单元 501: community, building and unit names from the unit's full name, then the room */
    public static String address(String unitFullName, String roomNo) {
        String[] parts = unitFullName.split("/");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, parts.length - 3); i < parts.length; i++) {
            sb.append(parts[i]).append(' ');
        }
        sb.append(roomNo);
        String s = sb.toString();
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    private static void applyFields(Household h, Row row, Origin origin, Customer owner) {
        HouseholdRecord r = row.r;
        if (r.area() != null) {
            h.setArea(r.area().setScale(2, RoundingMode.HALF_UP));
        }
        if (owner != null) {
            h.setCustomerId(owner.getId());
            h.setOwnerName(owner.getCustomerName());
        }
        if (r.meterNo() != null) {
            h.setMeterNo(blankToNull(r.meterNo()));
        }
        if (r.valveNo() != null) {
            h.setValveNo(blankToNull(r.valveNo()));
        }
        if (origin != Origin.BILLING) {
            if (r.tags() != null) {
                h.setTags(blankToNull(r.tags()));
            }
            if (r.remark() != null) {
                h.setRemark(blankToNull(r.remark()));
            }
        } else if (r.billingUpdatedAt() != null) {
            h.setBillingUpdatedAt(r.billingUpdatedAt());
        }
    }

    private Customer newCustomer(long subsidiaryId, Row row, Origin origin, LocalDateTime now, long user) {
        Customer c = new Customer();
        c.setId(ids.nextId());
        c.setCustomerCode(row.customerCode);
        c.setCustomerName(row.r.ownerName().strip());
        c.setNamePy(Pinyin.initials(c.getCustomerName()));
        c.setCustomerType(row.idNumber != null && row.idNumber.length() == 18 && !Character.isDigit(row.idNumber.charAt(0))
                ? "ENTERPRISE" : "RESIDENT");
        c.setIdNumber(row.idNumber);
        c.setIdNumberBidx(row.idNumber == null ? null : cipher.blindIndexIdNumber(row.idNumber));
        c.setContactPref("PHONE");
        c.setNoDisturb(0);
        c.setDataSource(origin.name());
        c.setSubsidiaryId(subsidiaryId);
        c.setOrgPath(row.unit.getOrgPath());
        c.setCreatedAt(now);
        c.setCreatedBy(user);
        c.setUpdatedAt(now);
        c.setUpdatedBy(user);
        c.setRowVersion(0);
        return c;
    }

    /** owner name and ID number from the record; true when something changed */
    private boolean applyOwner(Customer c, Row row) {
        boolean changed = false;
        if (notBlank(row.r.ownerName()) && !row.r.ownerName().strip().equals(c.getCustomerName())) {
            c.setCustomerName(row.r.ownerName().strip());
            c.setNamePy(Pinyin.initials(c.getCustomerName()));
            changed = true;
        }
        if (row.idNumber != null && !row.idNumber.equals(c.getIdNumber())) {
            c.setIdNumber(row.idNumber);
            c.setIdNumberBidx(cipher.blindIndexIdNumber(row.idNumber));
            changed = true;
        }
        return changed;
    }

    /**
     * Adds missing numbers; for BILLING also removes numbers the billing system gave earlier but no longer lists
     * (numbers bound by hand stay). {@code wanted} null means "not supplied": nothing is removed. Numbers added
     * earlier in the same batch stay (an owner of several households may come with the numbers on one row only).
     * The first number of a customer without phones becomes primary.
     */
    private boolean mergePhones(Customer c, List<String> wanted, Origin origin, Map<Long, List<CustomerPhone>> byCustomer,
                                List<CustomerPhone> inserts, List<Long> deletes, LocalDateTime now, long user) {
        List<CustomerPhone> current = byCustomer.computeIfAbsent(c.getId(), k -> new ArrayList<>());
        boolean changed = false;
        Map<String, String> wantedByBidx = new LinkedHashMap<>();
        for (String p : wanted == null ? List.<String>of() : wanted) {
            wantedByBidx.put(cipher.blindIndexPhone(p), p);
        }
        if (origin == Origin.BILLING && wanted != null) {
            for (CustomerPhone p : List.copyOf(current)) {
                if (Origin.BILLING.name().equals(p.getDataSource()) && !wantedByBidx.containsKey(p.getPhoneBidx())
                        && !inserts.contains(p)) {
                    current.remove(p);
                    deletes.add(p.getId());
                    changed = true;
                }
            }
        }
        Set<String> have = new HashSet<>();
        current.forEach(p -> have.add(p.getPhoneBidx()));
        for (Map.Entry<String, String> e : wantedByBidx.entrySet()) {
            if (have.contains(e.getKey())) {
                continue;
            }
            CustomerPhone p = new CustomerPhone();
            p.setId(ids.nextId());
            p.setCustomerId(c.getId());
            p.setPhone(e.getValue());
            p.setPhoneBidx(e.getKey());
            p.setPhoneKind(PhoneNumbers.kind(e.getValue()));
            p.setIsPrimary(current.stream().anyMatch(x -> x.getIsPrimary() != null && x.getIsPrimary() == 1) ? 0 : 1);
            p.setDataSource(origin.name());
            p.setSubsidiaryId(c.getSubsidiaryId());
            p.setOrgPath(c.getOrgPath());
            p.setCreatedAt(now);
            p.setCreatedBy(user);
            current.add(p);
            inserts.add(p);
            have.add(e.getKey());
            changed = true;
        }
        return changed;
    }

    /** code → code and label → code of the heating-status dictionary (imports may use either) */
    private Map<String, String> heatingStatuses() {
        Map<String, String> m = new LinkedHashMap<>();
        for (DictItemOption o : dicts.items(HEATING_STATUS_DICT)) {
            m.put(o.code(), o.code());
            m.put(o.label(), o.code());
        }
        return m;
    }

    private static String labelOf(Map<String, String> statuses, String code) {
        return statuses.entrySet().stream().filter(e -> e.getValue().equals(code) && !e.getKey().equals(code))
                .map(Map.Entry::getKey).findFirst().orElse(code);
    }

    private static String snapshot(Household h) {
        return String.join("|", String.valueOf(h.getUnitId()), h.getAddress(), String.valueOf(h.getFloorNo()), h.getRoomNo(),
                h.getArea() == null ? "null" : h.getArea().stripTrailingZeros().toPlainString(), h.getHeatingStatus(),
                h.getArrears() == null ? "null" : h.getArrears().stripTrailingZeros().toPlainString(),
                String.valueOf(h.getCustomerId()), String.valueOf(h.getOwnerName()), String.valueOf(h.getMeterNo()),
                String.valueOf(h.getValveNo()), String.valueOf(h.getTags()), String.valueOf(h.getRemark()),
                String.valueOf(h.getOrgPath()), String.valueOf(h.getBillingUpdatedAt()), String.valueOf(h.getDataSource()));
    }

    private static UpsertOutcome rejected(int i, BizException e) {
        return new UpsertOutcome(i, UpsertOutcome.Kind.REJECTED, null, e.field(), e.getMessage());
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static void maxLen(String v, int max, String field, String label) {
        if (v != null && v.strip().length() > max) {
            throw BizException.invalid(field, label + "不能超过" + max + "个字");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <K, V> Map<K, V> loadBy(List<K> keys, Function<List<K>, List<V>> loader, Function<V, K> keyOf) {
        Map<K, V> m = new HashMap<>();
        for (List<K> chunk : chunks(keys)) {
            for (V v : loader.apply(chunk)) {
                m.put(keyOf.apply(v), v);
            }
        }
        return m;
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<List<T>> out = new ArrayList<>();
        List<T> cur = new ArrayList<>(CHUNK);
        for (T t : all) {
            cur.add(t);
            if (cur.size() == CHUNK) {
                out.add(cur);
                cur = new ArrayList<>(CHUNK);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }
}
