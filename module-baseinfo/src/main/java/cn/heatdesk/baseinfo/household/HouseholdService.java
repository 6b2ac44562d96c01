package cn.heatdesk.baseinfo.household;

import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeMapper;
import cn.heatdesk.baseinfo.support.PhoneNumbers;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.DictionaryApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Households in the console: multi-condition search in the user's data scope, create and edit through
 * {@link HouseholdWriter} (the one write path shared with imports and the billing sync), with the billing system's
 * fields read-only on households it maintains.
 */
@Service
public class HouseholdService {

    static final Map<String, String> SORTS = Map.of("code", "h.household_code", "householdCode", "h.household_code",
            "address", "h.address", "area", "h.area", "arrears", "h.arrears", "updatedAt", "h.updated_at");
    static final String DEFAULT_ORDER = "h.household_code";

    private final HouseholdMapper households;
    private final CustomerMapper customers;
    private final NodeMapper nodes;
    private final HouseholdWriter writer;
    private final DictionaryApi dicts;
    private final FieldCipher cipher;

    public HouseholdService(HouseholdMapper households, CustomerMapper customers, NodeMapper nodes,
                            HouseholdWriter writer, DictionaryApi dicts, FieldCipher cipher) {
        this.households = households;
        this.customers = customers;
        this.nodes = nodes;
        this.writer = writer;
        this.dicts = dicts;
        this.cipher = cipher;
    }

    @Transactional(readOnly = true)
    public PageResult<HouseholdView> page(HouseholdFilter filter, PageQuery query) {
        // sort keys are checked before anything is read
        String orderBy = query.orderBy(SORTS, DEFAULT_ORDER) + ", h.id";
        if (!prepare(filter)) {
            query.validated();
            return new PageResult<>(List.of(), 0, query.getPage(), query.getSize());
        }
        PageResult<Household> page = Paging.page(query, () -> households.selectPage(filter, orderBy));
        Map<String, String> labels = dicts.labels(HouseholdWriter.HEATING_STATUS_DICT);
        return page.map(h -> HouseholdView.of(h, labels.getOrDefault(h.getHeatingStatus(), h.getHeatingStatus()), null));
    }

    /**
     * Turns the request filters into index-friendly values; false when a filter can match nothing (unknown node).
     */
    private static final java.util.regex.Pattern CODE_LIKE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    boolean prepare(HouseholdFilter f) {
        // a code-like keyword (HH0012, 1-2-301) searches household codes only: one indexed prefix scan on every
        // database, where the three-way OR with owner and address cannot use an index on H2
        String kw = f.getKeyword() == null ? null : f.getKeyword().strip();
        if (kw != null && CODE_LIKE.matcher(kw).matches()) {
            f.setCodePrefix(LikePatterns.prefix(kw));
        } else {
            f.setKeywordPrefix(LikePatterns.prefix(f.getKeyword()));
        }
        f.setOwnerPrefix(LikePatterns.prefix(f.getCustomerName()));
        f.setAddressContains(LikePatterns.contains(f.getAddress()));
        if (f.getPhone() != null && !f.getPhone().isBlank()) {
            f.setPhoneBidx(cipher.blindIndexPhone(PhoneNumbers.require(f.getPhone(), "phone")));
        }
        if (f.getMinArrears() != null && f.getMinArrears().signum() < 0) {
            throw BizException.invalid("minArrears", "最低欠费金额不能小于0");
        }
        if (f.getNodeId() != null) {
            // the path only: the households themselves are still limited by the user's scope
            HeatNode node = nodes.selectByIdUnscoped(f.getNodeId());
            if (node == null) {
                return false;
            }
            f.setNodePathPrefix(LikePatterns.prefix(node.getNodePath()));
        }
        return true;
    }

    @Transactional(readOnly = true)
    public HouseholdView get(long id) {
        return view(visible(id));
    }

    @Transactional
    public HouseholdView create(HouseholdRequests.Create req) {
        HeatNode unit = visibleUnit(req.unitId());
        String code = req.householdCode().strip();
        if (!households.selectByCodes(unit.getSubsidiaryId(), List.of(code)).isEmpty()) {
            throw BizException.invalid("householdCode", "房屋编码“" + code + "”在本分公司已存在");
        }
        HouseholdRecord r = new HouseholdRecord(code, null, unit.getId(), req.floorNo(), req.roomNo(), req.area(),
                req.heatingStatus(), req.arrears(), req.customerCode(), req.ownerName(), req.ownerIdNumber(),
                req.phones(), req.meterNo(), req.valveNo(), req.tags(), req.remark(), null);
        UpsertOutcome out = upsert(unit.getSubsidiaryId(), r);
        return view(households.selectByIdUnscoped(out.householdId()));
    }

    @Transactional
    public HouseholdView update(long id, HouseholdRequests.Update req) {
        Household h = visible(id);
        if (!h.getRowVersion().equals(req.rowVersion())) {
            throw BizException.conflict("房屋信息已被他人修改，请刷新后重试");
        }
        BillingOwnedFields.check(h, req);
        if (req.householdCode() != null && !req.householdCode().strip().equals(h.getHouseholdCode())) {
            throw BizException.invalid("householdCode", "房屋编码是与计费系统对接的主键，创建后不能修改");
        }
        boolean billing = BillingOwnedFields.isBillingOwned(h);
        Long unitId = h.getUnitId();
        if (!billing && req.unitId() != null && !req.unitId().equals(h.getUnitId())) {
            unitId = visibleUnit(req.unitId()).getId();
        }
        String customerCode = null;
        String ownerName = null;
        if (!billing && req.ownerName() != null && !req.ownerName().isBlank()) {
            ownerName = req.ownerName();
            // keep the owner the household already has; the writer would otherwise key a new one by household code
            Customer owner = h.getCustomerId() == null ? null : customers.selectByIdUnscoped(h.getCustomerId());
            customerCode = owner == null ? null : owner.getCustomerCode();
        }
        HouseholdRecord r = billing
                ? new HouseholdRecord(h.getHouseholdCode(), null, h.getUnitId(), null, h.getRoomNo(), null, null, null,
                null, null, null, null, null, null, req.tags(), req.remark(), null)
                : new HouseholdRecord(h.getHouseholdCode(), null, unitId, req.floorNo(),
                req.roomNo() == null ? h.getRoomNo() : req.roomNo(), req.area(), req.heatingStatus(), req.arrears(),
                customerCode, ownerName, null, null, req.meterNo(), req.valveNo(), req.tags(), req.remark(), null);
        upsert(h.getSubsidiaryId(), r);
        Household saved = households.selectByIdUnscoped(id);
        // the writer locks optimistically on the version it read itself; anything beyond our one step means
        // someone else wrote in between, and this transaction rolls back
        int v = saved.getRowVersion();
        if (v != req.rowVersion() && v != req.rowVersion() + 1) {
            throw BizException.conflict("房屋信息已被他人修改，请刷新后重试");
        }
        return view(saved);
    }

    private UpsertOutcome upsert(long subsidiaryId, HouseholdRecord r) {
        UpsertOutcome out = writer.upsert(subsidiaryId, List.of(r), HouseholdWriter.Origin.MANUAL).get(0);
        if (!out.ok()) {
            // the console picks the unit by id; the writer names the import column
            String field = "unitCode".equals(out.field()) ? "unitId" : out.field();
            throw BizException.invalid(field, out.reason());
        }
        return out;
    }

    private Household visible(long id) {
        Household h = households.selectById(id);
        if (h == null) {
            throw BizException.notFound("房屋");
        }
        return h;
    }

    private HeatNode visibleUnit(Long unitId) {
        HeatNode unit = unitId == null ? null : nodes.selectById(unitId);
        if (unit == null) {
            throw BizException.invalid("unitId", "单元不存在或超出您的数据权限");
        }
        return unit;
    }

    private HouseholdView view(Household h) {
        String customerCode = null;
        if (h.getCustomerId() != null) {
            Customer c = customers.selectByIdUnscoped(h.getCustomerId());
            customerCode = c == null ? null : c.getCustomerCode();
        }
        return HouseholdView.of(h, dicts.label(HouseholdWriter.HEATING_STATUS_DICT, h.getHeatingStatus()), customerCode);
    }
}
