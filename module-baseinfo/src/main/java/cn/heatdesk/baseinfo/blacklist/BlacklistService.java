package cn.heatdesk.baseinfo.blacklist;

import cn.heatdesk.baseinfo.api.BlacklistApi;
import cn.heatdesk.baseinfo.api.BlacklistHit;
import cn.heatdesk.baseinfo.household.ScopeCheck;
import cn.heatdesk.baseinfo.support.PhoneNumbers;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The call center's blacklist: a number with a reason, an optional expiry and who added it; removal keeps the row
 * with who, when and why. It is group-wide: {@link #check} and the list ignore data scope, because a number
 * blacklisted by one subsidiary calls the same hotline. An entry belongs to the org of whoever added it
 * (subsidiary id 0 and the root org path for group-level users, whose subsidiary is null), and only users whose
 * scope covers that org may remove it.
 */
@Service
public class BlacklistService implements BlacklistApi {

    public static final String ACTIVE = "ACTIVE";
    public static final String EXPIRED = "EXPIRED";
    public static final String REMOVED = "REMOVED";
    /** bi_blacklist.subsidiary_id is NOT NULL; group-level entries use 0 */
    public static final long GROUP_SUBSIDIARY = 0L;

    static final Set<String> STATUSES = Set.of(ACTIVE, EXPIRED, REMOVED);
    static final Map<String, String> SORTS = Map.of("createdAt", "b.created_at", "expiresAt", "b.expires_at",
            "removedAt", "b.removed_at");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BlacklistMapper mapper;
    private final FieldCipher cipher;
    private final IdGenerator ids;

    public BlacklistService(BlacklistMapper mapper, FieldCipher cipher, IdGenerator ids) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    public PageResult<BlacklistViews.EntryView> page(BlacklistFilter f, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "b.created_at DESC") + ", b.id DESC";
        if (f.getStatus() != null && f.getStatus().isBlank()) {
            f.setStatus(null);
        }
        if (f.getStatus() != null && !STATUSES.contains(f.getStatus())) {
            throw BizException.invalid("status", "状态只能是 ACTIVE（生效）、EXPIRED（已过期）或 REMOVED（已移出）");
        }
        if (f.getPhone() != null && !f.getPhone().isBlank()) {
            f.setPhoneBidx(cipher.blindIndexPhone(PhoneNumbers.require(f.getPhone(), "phone")));
        }
        if (f.getCreatedFrom() != null && f.getCreatedTo() != null && f.getCreatedFrom().isAfter(f.getCreatedTo())) {
            throw BizException.invalid("createdFrom", "开始时间不能晚于结束时间");
        }
        LocalDateTime now = LocalDateTime.now();
        f.setNow(now);
        CurrentUser user = SecurityContext.current().orElse(null);
        return Paging.page(query, () -> mapper.selectPage(f, orderBy)).map(e -> view(e, now, user));
    }

    @Transactional
    public BlacklistViews.EntryView add(BlacklistRequests.Add req) {
        CurrentUser user = SecurityContext.require();
        String number = PhoneNumbers.require(req.phone(), "phone");
        String bidx = cipher.blindIndexPhone(number);
        LocalDateTime now = LocalDateTime.now();
        if (req.expiresAt() != null && !req.expiresAt().isAfter(now)) {
            throw BizException.invalid("expiresAt", "到期时间必须晚于当前时间（不填为永久）");
        }
        List<BlacklistEntry> active = mapper.selectActiveByBidxs(List.of(bidx), now);
        if (!active.isEmpty()) {
            BlacklistEntry a = active.get(0);
            throw BizException.invalid("phone", "号码" + Masking.phone(number) + "已在黑名单中（"
                    + (a.getExpiresAt() == null ? "永久" : "有效期至" + a.getExpiresAt().format(TIME)) + "），无需重复加入");
        }
        BlacklistEntry e = new BlacklistEntry();
        e.setId(ids.nextId());
        e.setPhone(number);
        e.setPhoneBidx(bidx);
        e.setReason(req.reason().strip());
        e.setExpiresAt(req.expiresAt());
        e.setStatus(ACTIVE);
        e.setSubsidiaryId(user.subsidiaryId() == null ? GROUP_SUBSIDIARY : user.subsidiaryId());
        e.setOrgPath(user.subsidiaryId() == null ? rootPath(user.orgPath()) : user.orgPath());
        e.setRowVersion(0);
        e.setCreatedBy(user.userId());
        e.setCreatedByName(user.realName());
        e.setCreatedAt(now);
        mapper.insert(e);
        return view(e, now, user);
    }

    @Transactional
    public BlacklistViews.EntryView remove(long id, BlacklistRequests.Remove req) {
        CurrentUser user = SecurityContext.require();
        BlacklistEntry e = mapper.selectById(id);
        if (e == null) {
            throw BizException.notFound("黑名单记录");
        }
        if (REMOVED.equals(e.getStatus())) {
            throw BizException.invalid("id", "该号码已移出黑名单");
        }
        if (req.rowVersion() != null && !req.rowVersion().equals(e.getRowVersion())) {
            throw BizException.conflict("黑名单记录已被他人修改，请刷新后重试");
        }
        LocalDateTime now = LocalDateTime.now();
        e.setRemovedBy(user.userId());
        e.setRemovedByName(user.realName());
        e.setRemovedAt(now);
        e.setRemoveReason(req.reason().strip());
        if (mapper.remove(e) == 0) {
            throw BizException.conflict("黑名单记录已被他人修改，请刷新后重试");
        }
        return view(mapper.selectById(id), now, user);
    }

    /** Active, unexpired entries of the number, whoever asks (the call center sees all). */
    @Override
    @Transactional(readOnly = true)
    public Optional<BlacklistHit> check(String phone) {
        return hits(phone).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public BlacklistViews.CheckView checkView(String phone) {
        String number = PhoneNumbers.require(phone, "phone");
        List<BlacklistViews.HitView> hits = hits(number).stream().map(BlacklistViews.HitView::of).toList();
        return new BlacklistViews.CheckView(number, !hits.isEmpty(), hits);
    }

    /** every active hit of the number; empty for a blank or unusable number */
    public List<BlacklistHit> hits(String phone) {
        String bidx = phone == null || phone.isBlank() ? null : cipher.blindIndexPhone(phone);
        return bidx == null ? List.of() : hitsByBidx(List.of(bidx));
    }

    /** active hits of several numbers given by blind index, in one query (the household panel) */
    public List<BlacklistHit> hitsByBidx(Collection<String> bidxs) {
        if (bidxs.isEmpty()) {
            return List.of();
        }
        return mapper.selectActiveByBidxs(bidxs, LocalDateTime.now()).stream().map(BlacklistService::hit).toList();
    }

    /** the active entries themselves (with their blind index), for callers that must tell the numbers apart */
    public List<BlacklistEntry> entriesByBidx(Collection<String> bidxs) {
        return bidxs.isEmpty() ? List.of() : mapper.selectActiveByBidxs(bidxs, LocalDateTime.now());
    }

    public static BlacklistHit hit(BlacklistEntry e) {
        return new BlacklistHit(e.getId(), e.getPhone(), e.getReason(), e.getExpiresAt(), e.getCreatedAt(),
                e.getCreatedByName());
    }

    static String status(BlacklistEntry e, LocalDateTime now) {
        if (REMOVED.equals(e.getStatus())) {
            return REMOVED;
        }
        return e.getExpiresAt() != null && !e.getExpiresAt().isAfter(now) ? EXPIRED : ACTIVE;
    }

    /** "/1/5/9/" → "/1/": group-level entries belong to the root of the org tree */
    static String rootPath(String orgPath) {
        if (orgPath == null || !orgPath.matches("^/\\d+/.*")) {
            return "/";
        }
        return orgPath.substring(0, orgPath.indexOf('/', 1) + 1);
    }

    private static BlacklistViews.EntryView view(BlacklistEntry e, LocalDateTime now, CurrentUser user) {
        String status = status(e, now);
        boolean removable = !REMOVED.equals(status) && ScopeCheck.visible(user, e.getSubsidiaryId(), e.getOrgPath(), e.getCreatedBy());
        return new BlacklistViews.EntryView(e.getId(), e.getPhone(), e.getReason(), e.getExpiresAt(), status,
                e.getCreatedBy(), e.getCreatedByName(), e.getCreatedAt(), e.getRemovedBy(), e.getRemovedByName(),
                e.getRemovedAt(), e.getRemoveReason(), e.getSubsidiaryId(), e.getOrgPath(), e.getRowVersion(), removable);
    }
}
