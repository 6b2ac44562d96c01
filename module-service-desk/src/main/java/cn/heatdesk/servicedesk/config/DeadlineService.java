package cn.heatdesk.servicedesk.config;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.SystemParamApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Deadline rules (超时设置): type × urgency × source → minutes to handle, when to warn, how often to escalate.
 * The most specific enabled rule wins (subsidiary over group, urgency and source matches over "any").
 * Rules apply to new tickets only: a ticket keeps the deadline it was given.
 */
@Service
public class DeadlineService {

    /** the outcome for one new ticket; ruleId null when no rule matched and the system default applied */
    public record Deadline(Long ruleId, int limitMinutes, int warnMinutes, int escalateMinutes) {

        public LocalDateTime deadline(LocalDateTime from) {
            return from.plusMinutes(limitMinutes);
        }
    }

    public record RuleRequest(String ticketType, String urgency, String source, Integer limitMinutes, Integer warnMinutes,
                              Integer escalateMinutes, Boolean enabled, String remark, Long subsidiaryId, Integer rowVersion) {
    }

    private final DeadlineRuleMapper mapper;
    private final DictionaryApi dict;
    private final OrgApi orgs;
    private final SystemParamApi params;
    private final IdGenerator ids;

    public DeadlineService(DeadlineRuleMapper mapper, DictionaryApi dict, OrgApi orgs, SystemParamApi params, IdGenerator ids) {
        this.mapper = mapper;
        this.dict = dict;
        this.orgs = orgs;
        this.params = params;
        this.ids = ids;
    }

    public Deadline resolve(String ticketType, String urgency, String source, long subsidiaryId) {
        Optional<DeadlineRule> best = mapper.selectCandidates(ticketType, subsidiaryId).stream()
                .filter(r -> r.getUrgency() == null || r.getUrgency().equals(urgency))
                .filter(r -> r.getSource() == null || r.getSource().equals(source))
                .max(Comparator.comparingInt(this::specificity));
        if (best.isPresent()) {
            DeadlineRule r = best.get();
            return new Deadline(r.getId(), r.getLimitMinutes(), r.getWarnMinutes(), r.getEscalateMinutes());
        }
        int minutes = params.getInt("ticket.deadline.default-minutes", 1440);
        return new Deadline(null, minutes, Math.max(30, minutes / 5), Math.max(60, minutes / 2));
    }

    private int specificity(DeadlineRule r) {
        return (r.getSubsidiaryId() != 0 ? 4 : 0) + (r.getUrgency() != null ? 2 : 0) + (r.getSource() != null ? 1 : 0);
    }

    public List<DeadlineRule> list(String ticketType, Long subsidiaryId) {
        return mapper.selectList(ticketType, subsidiaryId);
    }

    @Transactional
    public DeadlineRule create(RuleRequest req) {
        DeadlineRule r = new DeadlineRule();
        r.setId(ids.nextId());
        apply(r, req);
        r.setRowVersion(0);
        r.setCreatedBy(SecurityContext.userIdOrSystem());
        r.setCreatedAt(LocalDateTime.now());
        r.setUpdatedBy(r.getCreatedBy());
        r.setUpdatedAt(r.getCreatedAt());
        checkUnique(r);
        mapper.insert(r);
        return r;
    }

    @Transactional
    public DeadlineRule update(long id, RuleRequest req) {
        DeadlineRule r = mapper.selectById(id);
        if (r == null) {
            throw BizException.notFound("超时规则");
        }
        apply(r, req);
        if (req.rowVersion() != null) {
            r.setRowVersion(req.rowVersion());
        }
        r.setUpdatedBy(SecurityContext.userIdOrSystem());
        r.setUpdatedAt(LocalDateTime.now());
        checkUnique(r);
        if (mapper.update(r) == 0) {
            throw BizException.conflict("超时规则已被他人修改，请刷新后重试");
        }
        return mapper.selectById(id);
    }

    @Transactional
    public void delete(long id) {
        if (mapper.delete(id) == 0) {
            throw BizException.notFound("超时规则");
        }
    }

    private void apply(DeadlineRule r, RuleRequest req) {
        dict.requireValid("ticket_type", req.ticketType(), "ticketType");
        String urgency = blankToNull(req.urgency());
        String source = blankToNull(req.source());
        if (urgency != null) {
            dict.requireValid("ticket_urgency", urgency, "urgency");
        }
        if (source != null) {
            dict.requireValid("ticket_source", source, "source");
        }
        int limit = positive(req.limitMinutes(), "limitMinutes", "处理时限（分钟）");
        int warn = req.warnMinutes() == null ? Math.max(30, limit / 5) : positive(req.warnMinutes(), "warnMinutes", "临期提醒（分钟）");
        if (warn >= limit) {
            throw BizException.invalid("warnMinutes", "临期提醒时间必须小于处理时限");
        }
        int esc = req.escalateMinutes() == null ? Math.max(60, limit / 2) : positive(req.escalateMinutes(), "escalateMinutes", "超时升级间隔（分钟）");
        long subsidiaryId = 0;
        String orgPath = "/";
        if (req.subsidiaryId() != null && req.subsidiaryId() != 0) {
            OrgInfo sub = orgs.find(req.subsidiaryId()).orElseThrow(() -> BizException.invalid("subsidiaryId", "分公司不存在"));
            subsidiaryId = sub.id();
            orgPath = sub.orgPath();
        }
        r.setTicketType(req.ticketType());
        r.setUrgency(urgency);
        r.setSource(source);
        r.setLimitMinutes(limit);
        r.setWarnMinutes(warn);
        r.setEscalateMinutes(esc);
        r.setEnabled(req.enabled() == null || req.enabled() ? 1 : 0);
        r.setRemark(req.remark());
        r.setSubsidiaryId(subsidiaryId);
        r.setOrgPath(orgPath);
    }

    private void checkUnique(DeadlineRule r) {
        if (mapper.countSame(r) > 0) {
            throw new BizException(cn.heatdesk.kernel.error.ErrorCode.DUPLICATE, "相同类型、紧急程度和来源的规则已存在", "ticketType");
        }
    }

    private static int positive(Integer v, String field, String name) {
        if (v == null || v <= 0 || v > 60 * 24 * 365) {
            throw BizException.invalid(field, name + "必须是 1 到 525600 之间的整数");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
