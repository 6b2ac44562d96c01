package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.baseinfo.household.Customer;
import cn.heatdesk.baseinfo.household.CustomerMapper;
import cn.heatdesk.baseinfo.household.CustomerPhone;
import cn.heatdesk.baseinfo.household.CustomerPhoneMapper;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.baseinfo.support.IdNumbers;
import cn.heatdesk.baseinfo.support.PhoneNumbers;
import cn.heatdesk.baseinfo.support.Pinyin;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import org.springframework.stereotype.Component;

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

/**
 * 热用户 rows, upserted by customer code within the job's subsidiary: name, type, ID number (SM4 + blind index),
 * contact preference/time, do-not-disturb and remark from the row (blank cells keep what is stored); phone numbers
 * are added, never removed (numbers may have been bound by hand). One batch costs a handful of statements:
 * customers and their phones are read by code in chunks and written with multi-row inserts.
 */
@Component
class CustomerImportWriter implements RowImporter {

    static final int MAX_PHONES = 10;
    private static final int CHUNK = 400;
    private static final ImportKind K = ImportKind.CUSTOMER;
    private static final int CODE = K.indexOf("customerCode");
    private static final int NAME = K.indexOf("customerName");
    private static final int TYPE = K.indexOf("customerType");
    private static final int ID_NUMBER = K.indexOf("idNumber");
    private static final int PHONES = K.indexOf("phones");
    private static final int PREF = K.indexOf("contactPref");
    private static final int TIME = K.indexOf("contactTime");
    private static final int NO_DISTURB = K.indexOf("noDisturb");
    private static final int REMARK = K.indexOf("remark");

    /** label (and code) → code; the labels are what the export writes */
    static final Map<String, String> TYPES = ordered("居民", "RESIDENT", "单位", "ENTERPRISE");
    static final Map<String, String> PREFS = ordered("电话", "PHONE", "短信", "SMS", "微信", "WECHAT", "不联系", "NONE");

    private final CustomerMapper customers;
    private final CustomerPhoneMapper phones;
    private final FieldCipher cipher;
    private final IdGenerator ids;

    CustomerImportWriter(CustomerMapper customers, CustomerPhoneMapper phones, FieldCipher cipher, IdGenerator ids) {
        this.customers = customers;
        this.phones = phones;
        this.cipher = cipher;
        this.ids = ids;
    }

    /** a row whose cells passed the checks */
    private record Parsed(SourceRow row, String code, String name, String type, String idNumber, List<String> phones,
                          String pref, String time, Integer noDisturb, String remark) {
    }

    @Override
    public ImportKind kind() {
        return K;
    }

    @Override
    public List<RowFailure> importRows(ImportContext ctx, List<SourceRow> rows) {
        List<RowFailure> failures = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (SourceRow r : rows) {
            try {
                parsed.add(parse(r));
            } catch (BizException e) {
                failures.add(new RowFailure(r.rowNo(), K.titleOf(e.field()), e.getMessage()));
            }
        }
        if (parsed.isEmpty()) {
            return failures;
        }
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        Map<String, Customer> byCode = new HashMap<>();
        for (List<String> chunk : chunks(parsed.stream().map(Parsed::code).toList())) {
            customers.selectByCodes(ctx.subsidiaryId(), chunk).forEach(c -> byCode.put(c.getCustomerCode(), c));
        }
        Map<Long, List<CustomerPhone>> phonesOf = new HashMap<>();
        for (List<Long> chunk : chunks(byCode.values().stream().map(Customer::getId).toList())) {
            for (CustomerPhone p : phones.selectByCustomerIds(chunk)) {
                phonesOf.computeIfAbsent(p.getCustomerId(), x -> new ArrayList<>()).add(p);
            }
        }
        List<Customer> inserts = new ArrayList<>();
        Set<Long> dirty = new LinkedHashSet<>();
        List<CustomerPhone> phoneInserts = new ArrayList<>();
        for (Parsed p : parsed) {
            Customer c = byCode.get(p.code());
            List<CustomerPhone> current = c == null ? List.of() : phonesOf.getOrDefault(c.getId(), List.of());
            Map<String, String> added = newPhones(p.phones(), current);
            if (current.size() + added.size() > MAX_PHONES) {
                failures.add(new RowFailure(p.row().rowNo(), K.titleOf("phones"),
                        "一个客户最多绑定" + MAX_PHONES + "个电话号码（已有" + current.size() + "个）"));
                continue;
            }
            if (c == null) {
                c = create(ctx, p, now, user);
                inserts.add(c);
                byCode.put(c.getCustomerCode(), c);
            } else if (apply(c, p)) {
                c.setUpdatedAt(now);
                c.setUpdatedBy(user);
                if (!inserts.contains(c)) {
                    dirty.add(c.getId());
                }
            }
            List<CustomerPhone> list = phonesOf.computeIfAbsent(c.getId(), x -> new ArrayList<>());
            boolean hasPrimary = list.stream().anyMatch(x -> x.getIsPrimary() != null && x.getIsPrimary() == 1);
            for (Map.Entry<String, String> e : added.entrySet()) {
                CustomerPhone ph = new CustomerPhone();
                ph.setId(ids.nextId());
                ph.setCustomerId(c.getId());
                ph.setPhone(e.getValue());
                ph.setPhoneBidx(e.getKey());
                ph.setPhoneKind(PhoneNumbers.kind(e.getValue()));
                ph.setIsPrimary(hasPrimary ? 0 : 1);
                hasPrimary = true;
                ph.setDataSource("IMPORT");
                ph.setSubsidiaryId(c.getSubsidiaryId());
                ph.setOrgPath(c.getOrgPath());
                ph.setCreatedAt(now);
                ph.setCreatedBy(user);
                list.add(ph);
                phoneInserts.add(ph);
            }
        }
        for (List<Customer> chunk : chunks(inserts)) {
            customers.insertBatch(chunk);
        }
        for (Customer c : byCode.values()) {
            if (dirty.contains(c.getId())) {
                if (customers.update(c) == 0) {
                    // the whole batch is retried row by row; there this becomes the row's failure
                    throw new BizException(ErrorCode.CONFLICT, "客户“" + c.getCustomerCode() + "”刚被他人修改，请稍后重新导入本行",
                            "customerCode");
                }
                c.setRowVersion(c.getRowVersion() + 1);
            }
        }
        for (List<CustomerPhone> chunk : chunks(phoneInserts)) {
            phones.insertBatch(chunk);
        }
        failures.sort((a, b) -> Integer.compare(a.rowNo(), b.rowNo()));
        return failures;
    }

    private Parsed parse(SourceRow r) {
        String code = r.get(CODE);
        if (code == null) {
            throw BizException.invalid("customerCode", "客户编号不能为空");
        }
        if (!NodeWriter.CODE.matcher(code).matches()) {
            throw BizException.invalid("customerCode", "客户编号只能包含字母、数字、下划线、点和短横线，且不超过64位");
        }
        String name = r.get(NAME);
        if (name == null) {
            throw BizException.invalid("customerName", "姓名不能为空");
        }
        Cells.maxLen(name, 64, K.columns().get(NAME));
        String type = Cells.choice(r.get(TYPE), TYPES, K.columns().get(TYPE));
        String rawId = r.get(ID_NUMBER);
        String idNumber = Cells.masked(rawId) ? null : IdNumbers.requireValidOrNull(rawId, "idNumber");
        List<String> list = new ArrayList<>();
        List<String> cells = HouseholdRowImporter.phones(r.get(PHONES));
        if (cells != null) {
            for (String cell : cells) {
                for (String n : PhoneNumbers.requireList(cell, "phones")) {
                    if (!list.contains(n)) {
                        list.add(n);
                    }
                }
            }
        }
        if (list.size() > MAX_PHONES) {
            throw BizException.invalid("phones", "一个客户最多绑定" + MAX_PHONES + "个电话号码");
        }
        String pref = Cells.choice(r.get(PREF), PREFS, K.columns().get(PREF));
        String time = Cells.maxLen(r.get(TIME), 64, K.columns().get(TIME));
        Integer noDisturb = Cells.yesNo(r.get(NO_DISTURB), K.columns().get(NO_DISTURB));
        String remark = Cells.maxLen(r.get(REMARK), 500, K.columns().get(REMARK));
        return new Parsed(r, code, name, type, idNumber, list, pref, time, noDisturb, remark);
    }

    /** blind index → number of the row's numbers the customer does not have yet */
    private Map<String, String> newPhones(List<String> wanted, List<CustomerPhone> current) {
        Set<String> have = new HashSet<>();
        current.forEach(p -> have.add(p.getPhoneBidx()));
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : wanted) {
            String bidx = cipher.blindIndexPhone(n);
            if (!have.contains(bidx)) {
                out.putIfAbsent(bidx, n);
            }
        }
        return out;
    }

    private Customer create(ImportContext ctx, Parsed p, LocalDateTime now, long user) {
        Customer c = new Customer();
        c.setId(ids.nextId());
        c.setCustomerCode(p.code());
        c.setCustomerName(p.name());
        c.setNamePy(Pinyin.initials(p.name()));
        c.setCustomerType(p.type() == null ? "RESIDENT" : p.type());
        c.setIdNumber(p.idNumber());
        c.setIdNumberBidx(p.idNumber() == null ? null : cipher.blindIndexIdNumber(p.idNumber()));
        c.setContactPref(p.pref() == null ? "PHONE" : p.pref());
        c.setContactTime(p.time());
        c.setNoDisturb(p.noDisturb() == null ? 0 : p.noDisturb());
        c.setRemark(p.remark());
        c.setDataSource("IMPORT");
        c.setSubsidiaryId(ctx.subsidiaryId());
        c.setOrgPath(ctx.subsidiaryOrgPath());
        c.setCreatedAt(now);
        c.setCreatedBy(user);
        c.setUpdatedAt(now);
        c.setUpdatedBy(user);
        c.setRowVersion(0);
        return c;
    }

    /** supplied values onto a stored customer; true when something changed */
    private boolean apply(Customer c, Parsed p) {
        boolean changed = false;
        if (!p.name().equals(c.getCustomerName())) {
            c.setCustomerName(p.name());
            c.setNamePy(Pinyin.initials(p.name()));
            changed = true;
        }
        if (p.type() != null && !p.type().equals(c.getCustomerType())) {
            c.setCustomerType(p.type());
            changed = true;
        }
        if (p.idNumber() != null && !p.idNumber().equals(c.getIdNumber())) {
            c.setIdNumber(p.idNumber());
            c.setIdNumberBidx(cipher.blindIndexIdNumber(p.idNumber()));
            changed = true;
        }
        if (p.pref() != null && !p.pref().equals(c.getContactPref())) {
            c.setContactPref(p.pref());
            changed = true;
        }
        if (p.time() != null && !p.time().equals(c.getContactTime())) {
            c.setContactTime(p.time());
            changed = true;
        }
        if (p.noDisturb() != null && !Objects.equals(p.noDisturb(), c.getNoDisturb())) {
            c.setNoDisturb(p.noDisturb());
            changed = true;
        }
        if (p.remark() != null && !p.remark().equals(c.getRemark())) {
            c.setRemark(p.remark());
            changed = true;
        }
        return changed;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
            m.put(pairs[i + 1], pairs[i + 1]);
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
