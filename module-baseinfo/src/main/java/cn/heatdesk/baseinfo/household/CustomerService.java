package cn.heatdesk.baseinfo.household;

import cn.heatdesk.baseinfo.support.IdNumbers;
import cn.heatdesk.baseinfo.support.PhoneNumbers;
import cn.heatdesk.baseinfo.support.Pinyin;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customers (热用户) and their phone numbers in the console. Name and ID number of customers the billing system
 * maintains stay read-only; contact preferences and phones bound by hand are HeatDesk's own. Every phone bound
 * here is validated and normalised, SM4-encrypted and blind-indexed, so the caller lookup finds it.
 */
@Service
public class CustomerService {

    /** the same cap the writer applies to imported numbers */
    static final int MAX_PHONES = 10;
    static final Map<String, String> SORTS = Map.of("customerCode", "c.customer_code", "customerName", "c.customer_name",
            "createdAt", "c.created_at", "updatedAt", "c.updated_at");

    /** what an unbind did, for the controller's audit note */
    public record Unbound(CustomerViews.CustomerView customer, String maskedPhone, String dataSource) {
    }

    private final CustomerMapper customers;
    private final CustomerPhoneMapper phones;
    private final HouseholdMapper households;
    private final OrgApi orgs;
    private final DictionaryApi dicts;
    private final FieldCipher cipher;
    private final IdGenerator ids;

    public CustomerService(CustomerMapper customers, CustomerPhoneMapper phones, HouseholdMapper households, OrgApi orgs,
                           DictionaryApi dicts, FieldCipher cipher, IdGenerator ids) {
        this.customers = customers;
        this.phones = phones;
        this.households = households;
        this.orgs = orgs;
        this.dicts = dicts;
        this.cipher = cipher;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    public PageResult<CustomerViews.CustomerView> page(CustomerFilter f, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "c.customer_name") + ", c.id";
        String keyword = f.getKeyword() == null ? null : f.getKeyword().strip();
        f.setNamePrefix(LikePatterns.prefix(keyword));
        f.setPyPrefix(LikePatterns.prefix(keyword == null ? null : keyword.toLowerCase(Locale.ROOT)));
        f.setCustomerCode(f.getCustomerCode() == null || f.getCustomerCode().isBlank() ? null : f.getCustomerCode().strip());
        if (f.getPhone() != null && !f.getPhone().isBlank()) {
            f.setPhoneBidx(cipher.blindIndexPhone(PhoneNumbers.require(f.getPhone(), "phone")));
        }
        String idNumber = IdNumbers.requireValidOrNull(f.getIdNumber(), "idNumber");
        f.setIdNumberBidx(idNumber == null ? null : cipher.blindIndexIdNumber(idNumber));
        PageResult<Customer> page = Paging.page(query, () -> customers.selectPage(f, orderBy));
        Map<Long, List<CustomerPhone>> byCustomer = phonesOf(page.records().stream().map(Customer::getId).toList());
        return page.map(c -> CustomerViews.CustomerView.of(c, byCustomer.getOrDefault(c.getId(), List.of())));
    }

    @Transactional(readOnly = true)
    public CustomerViews.CustomerDetail get(long id) {
        Customer c = visible(id);
        Map<String, String> labels = dicts.labels(HouseholdWriter.HEATING_STATUS_DICT);
        List<HouseholdView> owned = households.selectByCustomerIdScoped(id).stream()
                .map(h -> HouseholdView.of(h, labels.getOrDefault(h.getHeatingStatus(), h.getHeatingStatus()),
                        c.getCustomerCode()))
                .toList();
        return new CustomerViews.CustomerDetail(view(c), owned);
    }

    @Transactional
    public CustomerViews.CustomerDetail create(CustomerRequests.Create req) {
        CurrentUser user = SecurityContext.require();
        OrgInfo subsidiary = subsidiaryFor(user, req.subsidiaryId());
        LocalDateTime now = LocalDateTime.now();
        Customer c = new Customer();
        c.setId(ids.nextId());
        String code = req.customerCode() == null || req.customerCode().isBlank() ? "C" + c.getId() : req.customerCode().strip();
        if (!customers.selectByCodes(subsidiary.id(), List.of(code)).isEmpty()) {
            throw BizException.invalid("customerCode", "客户编号“" + code + "”在本分公司已存在");
        }
        c.setCustomerCode(code);
        c.setCustomerName(req.customerName().strip());
        c.setNamePy(Pinyin.initials(c.getCustomerName()));
        c.setCustomerType(req.customerType() == null ? "RESIDENT" : req.customerType());
        String idNumber = IdNumbers.requireValidOrNull(req.idNumber(), "idNumber");
        c.setIdNumber(idNumber);
        c.setIdNumberBidx(idNumber == null ? null : cipher.blindIndexIdNumber(idNumber));
        c.setContactPref(req.contactPref() == null ? "PHONE" : req.contactPref());
        c.setContactTime(blankToNull(req.contactTime()));
        c.setNoDisturb(Boolean.TRUE.equals(req.noDisturb()) ? 1 : 0);
        c.setRemark(blankToNull(req.remark()));
        c.setDataSource(HouseholdWriter.Origin.MANUAL.name());
        c.setSubsidiaryId(subsidiary.id());
        c.setOrgPath(subsidiary.orgPath());
        c.setCreatedAt(now);
        c.setCreatedBy(user.userId());
        c.setUpdatedAt(now);
        c.setUpdatedBy(user.userId());
        c.setRowVersion(0);
        List<String> numbers = new ArrayList<>();
        if (req.phones() != null) {
            for (String p : req.phones()) {
                for (String n : PhoneNumbers.requireList(p, "phones")) {
                    if (!numbers.contains(n)) {
                        numbers.add(n);
                    }
                }
            }
        }
        if (numbers.size() > MAX_PHONES) {
            throw BizException.invalid("phones", "一个客户最多绑定" + MAX_PHONES + "个电话号码");
        }
        customers.insertBatch(List.of(c));
        List<CustomerPhone> rows = new ArrayList<>();
        for (String n : numbers) {
            rows.add(newPhone(c, n, null, rows.isEmpty(), now, user.userId()));
        }
        if (!rows.isEmpty()) {
            phones.insertBatch(rows);
        }
        return new CustomerViews.CustomerDetail(view(customers.selectByIdUnscoped(c.getId())), List.of());
    }

    @Transactional
    public CustomerViews.CustomerDetail update(long id, CustomerRequests.Update req) {
        Customer c = visible(id);
        if (!c.getRowVersion().equals(req.rowVersion())) {
            throw BizException.conflict("客户信息已被他人修改，请刷新后重试");
        }
        boolean billing = BillingOwnedFields.BILLING.equals(c.getDataSource());
        if (req.customerName() != null) {
            String name = req.customerName().strip();
            if (billing && !name.equals(c.getCustomerName())) {
                throw BillingOwnedFields.refused("customerName");
            }
            if (name.isEmpty()) {
                throw BizException.invalid("customerName", "客户姓名不能为空");
            }
            c.setCustomerName(name);
            c.setNamePy(Pinyin.initials(name));
        }
        // the masked form the view returned means "unchanged"
        if (req.idNumber() != null && !req.idNumber().contains("*")) {
            String idNumber = IdNumbers.requireValidOrNull(req.idNumber(), "idNumber");
            boolean same = idNumber == null ? c.getIdNumber() == null : idNumber.equals(c.getIdNumber());
            if (billing && !same) {
                throw BillingOwnedFields.refused("idNumber");
            }
            c.setIdNumber(idNumber);
            c.setIdNumberBidx(idNumber == null ? null : cipher.blindIndexIdNumber(idNumber));
        }
        if (req.customerType() != null) {
            c.setCustomerType(req.customerType());
        }
        if (req.contactPref() != null) {
            c.setContactPref(req.contactPref());
        }
        if (req.contactTime() != null) {
            c.setContactTime(blankToNull(req.contactTime()));
        }
        if (req.noDisturb() != null) {
            c.setNoDisturb(req.noDisturb() ? 1 : 0);
        }
        if (req.remark() != null) {
            c.setRemark(blankToNull(req.remark()));
        }
        c.setUpdatedAt(LocalDateTime.now());
        c.setUpdatedBy(SecurityContext.userIdOrSystem());
        if (customers.update(c) == 0) {
            throw BizException.conflict("客户信息已被他人修改，请刷新后重试");
        }
        return get(id);
    }

    /** binds a number by hand (also the panel's "bind the caller's number to this customer") */
    @Transactional
    public CustomerViews.CustomerView bindPhone(long customerId, CustomerRequests.BindPhone req) {
        Customer c = visible(customerId);
        String number = PhoneNumbers.require(req.phone(), "phone");
        String bidx = cipher.blindIndexPhone(number);
        List<CustomerPhone> current = phones.selectByCustomerIds(List.of(customerId));
        if (current.stream().anyMatch(p -> bidx.equals(p.getPhoneBidx()))) {
            throw BizException.invalid("phone", "号码" + Masking.phone(number) + "已绑定到该客户");
        }
        if (current.size() >= MAX_PHONES) {
            throw BizException.invalid("phone", "一个客户最多绑定" + MAX_PHONES + "个电话号码，请先解绑不用的号码");
        }
        boolean primary = current.isEmpty() || Boolean.TRUE.equals(req.primary());
        if (primary) {
            phones.clearPrimary(customerId);
        }
        phones.insertBatch(List.of(newPhone(c, number, blankToNull(req.remark()), primary, LocalDateTime.now(),
                SecurityContext.userIdOrSystem())));
        return view(c);
    }

    /**
     * Unbinds a number. Numbers the billing system supplied may be unbound too (a wrong number in billing should
     * not keep ringing the wrong person); the caller's audit note says so, because the next billing sync that
     * still lists the number binds it again.
     */
    @Transactional
    public Unbound unbindPhone(long customerId, long phoneId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BizException.invalid("reason", "请填写解绑原因");
        }
        if (reason.strip().length() > 500) {
            throw BizException.invalid("reason", "原因不能超过500个字");
        }
        Customer c = visible(customerId);
        CustomerPhone p = phoneOf(customerId, phoneId);
        phones.deleteById(phoneId);
        if (p.getIsPrimary() != null && p.getIsPrimary() == 1) {
            phones.selectByCustomerIds(List.of(customerId)).stream()
                    .min(Comparator.comparing(CustomerPhone::getCreatedAt).thenComparing(CustomerPhone::getId))
                    .ifPresent(next -> phones.setPrimary(next.getId()));
        }
        return new Unbound(view(c), Masking.phone(p.getPhone()), p.getDataSource());
    }

    @Transactional
    public CustomerViews.CustomerView setPrimary(long customerId, long phoneId) {
        Customer c = visible(customerId);
        phoneOf(customerId, phoneId);
        phones.clearPrimary(customerId);
        phones.setPrimary(phoneId);
        return view(c);
    }

    private CustomerPhone phoneOf(long customerId, long phoneId) {
        CustomerPhone p = phones.selectByIdUnscoped(phoneId);
        if (p == null || p.getCustomerId() != customerId) {
            throw BizException.notFound("电话号码");
        }
        return p;
    }

    private CustomerPhone newPhone(Customer c, String number, String remark, boolean primary, LocalDateTime now, long user) {
        CustomerPhone p = new CustomerPhone();
        p.setId(ids.nextId());
        p.setCustomerId(c.getId());
        p.setPhone(number);
        p.setPhoneBidx(cipher.blindIndexPhone(number));
        p.setPhoneKind(PhoneNumbers.kind(number));
        p.setIsPrimary(primary ? 1 : 0);
        p.setDataSource(HouseholdWriter.Origin.MANUAL.name());
        p.setRemark(remark);
        p.setSubsidiaryId(c.getSubsidiaryId());
        p.setOrgPath(c.getOrgPath());
        p.setCreatedAt(now);
        p.setCreatedBy(user);
        return p;
    }

    /**
     * Group users name the subsidiary; everyone else creates in their own. The customer's org is the subsidiary
     * (no household yet, so no covering station).
     */
    private OrgInfo subsidiaryFor(CurrentUser user, Long requested) {
        Long id = requested;
        if (id == null) {
            id = user.subsidiaryId();
            if (id == null) {
                throw BizException.invalid("subsidiaryId", "请选择客户所属的分公司");
            }
        } else if (user.dataScope() != DataScope.ALL && !id.equals(user.subsidiaryId())) {
            throw BizException.invalid("subsidiaryId", "只能在本分公司新增客户");
        }
        OrgInfo org = orgs.find(id).orElse(null);
        if (org == null || !id.equals(org.subsidiaryId())) {
            throw BizException.invalid("subsidiaryId", "所属分公司不存在");
        }
        return org;
    }

    private Customer visible(long id) {
        Customer c = customers.selectById(id);
        if (c == null) {
            throw BizException.notFound("客户");
        }
        return c;
    }

    private CustomerViews.CustomerView view(Customer c) {
        return CustomerViews.CustomerView.of(c, phones.selectByCustomerIds(List.of(c.getId())));
    }

    private Map<Long, List<CustomerPhone>> phonesOf(List<Long> customerIds) {
        Map<Long, List<CustomerPhone>> m = new HashMap<>();
        if (!customerIds.isEmpty()) {
            for (CustomerPhone p : phones.selectByCustomerIds(customerIds)) {
                m.computeIfAbsent(p.getCustomerId(), k -> new ArrayList<>()).add(p);
            }
        }
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
