package cn.heatdesk.servicedesk.visit;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Visit templates (standard questionnaires) and the 100 % visit-closure statistics. */
@Service
public class VisitService {

    private static final Set<String> QUESTION_TYPES = Set.of("YES_NO", "RATING", "TEXT", "CHOICE");

    public record Question(String key, String text, String type, List<String> options) {
    }

    public record TemplateView(Long id, String templateCode, String templateName, String ticketType,
                               List<Question> questions, boolean enabled, Integer rowVersion) {
    }

    public record TemplateRequest(String templateCode, String templateName, String ticketType, List<Question> questions,
                                  Boolean enabled, Integer rowVersion) {
    }

    /** closureRate = closed or visited / completed; satisfactionRate = satisfied / (satisfied + unsatisfied) */
    public record Stats(long completed, long visited, long closed, long satisfied, long unsatisfied, long overdue,
                        BigDecimal closureRate, BigDecimal satisfactionRate) {
    }

    private final VisitMapper mapper;
    private final IdGenerator ids;
    private final ObjectMapper json;

    public VisitService(VisitMapper mapper, IdGenerator ids, ObjectMapper json) {
        this.mapper = mapper;
        this.ids = ids;
        this.json = json;
    }

    public List<TemplateView> templates() {
        return mapper.selectTemplates().stream().map(this::view).toList();
    }

    @Transactional
    public TemplateView create(TemplateRequest req) {
        VisitTemplate t = new VisitTemplate();
        t.setId(ids.nextId());
        String code = req.templateCode() == null ? "" : req.templateCode().trim().toUpperCase();
        if (!code.matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw BizException.invalid("templateCode", "模板编码须为 2-32 位大写字母、数字或下划线，以字母开头");
        }
        if (mapper.selectTemplateByCode(code) != null) {
            throw new BizException(cn.heatdesk.kernel.error.ErrorCode.DUPLICATE, "模板编码已存在", "templateCode");
        }
        t.setTemplateCode(code);
        apply(t, req);
        t.setSubsidiaryId(0L);
        t.setOrgPath("/");
        t.setRowVersion(0);
        t.setCreatedBy(SecurityContext.userIdOrSystem());
        t.setCreatedAt(LocalDateTime.now());
        t.setUpdatedBy(t.getCreatedBy());
        t.setUpdatedAt(t.getCreatedAt());
        mapper.insertTemplate(t);
        return view(t);
    }

    @Transactional
    public TemplateView update(long id, TemplateRequest req) {
        VisitTemplate t = mapper.selectTemplateById(id);
        if (t == null) {
            throw BizException.notFound("回访模板");
        }
        apply(t, req);
        if (req.rowVersion() != null) {
            t.setRowVersion(req.rowVersion());
        }
        t.setUpdatedBy(SecurityContext.userIdOrSystem());
        t.setUpdatedAt(LocalDateTime.now());
        if (mapper.updateTemplate(t) == 0) {
            throw BizException.conflict("回访模板已被他人修改，请刷新后重试");
        }
        return view(mapper.selectTemplateById(id));
    }

    public Stats stats(LocalDateTime from, LocalDateTime to) {
        Map<String, Object> m = mapper.selectStats(from, to, LocalDateTime.now());
        long completed = num(m, "completed");
        long visited = num(m, "visited");
        long closed = num(m, "closed");
        long sat = num(m, "satisfied");
        long unsat = num(m, "unsatisfied");
        return new Stats(completed, visited, closed, sat, unsat, num(m, "overdue"), rate(closed, completed), rate(sat, sat + unsat));
    }

    private static BigDecimal rate(long a, long b) {
        return b == 0 ? null : BigDecimal.valueOf(a * 100.0 / b).setScale(1, RoundingMode.HALF_UP);
    }

    private static long num(Map<String, Object> m, String key) {
        if (m == null) {
            return 0;
        }
        return m.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                .filter(v -> v != null).map(v -> ((Number) v).longValue()).findFirst().orElse(0L);
    }

    private void apply(VisitTemplate t, TemplateRequest req) {
        if (req.templateName() == null || req.templateName().isBlank() || req.templateName().length() > 100) {
            throw BizException.invalid("templateName", "模板名称不能为空且不超过 100 个字");
        }
        if (req.questions() == null || req.questions().isEmpty()) {
            throw BizException.invalid("questions", "请至少设置一个回访问题");
        }
        for (Question q : req.questions()) {
            if (q.key() == null || !q.key().matches("[A-Za-z][A-Za-z0-9_]{0,31}") || q.text() == null || q.text().isBlank()
                    || q.type() == null || !QUESTION_TYPES.contains(q.type())) {
                throw BizException.invalid("questions", "回访问题须有英文标识、题目和题型（是否/评分/文字/选项）");
            }
        }
        t.setTemplateName(req.templateName().trim());
        t.setTicketType(req.ticketType() == null || req.ticketType().isBlank() ? null : req.ticketType());
        try {
            t.setQuestionsJson(json.writeValueAsString(req.questions()));
        } catch (Exception e) {
            throw BizException.invalid("questions", "回访问题无法保存");
        }
        t.setEnabled(req.enabled() == null || req.enabled() ? 1 : 0);
    }

    private TemplateView view(VisitTemplate t) {
        List<Question> qs;
        try {
            qs = json.readValue(t.getQuestionsJson(), new TypeReference<List<Question>>() { });
        } catch (Exception e) {
            qs = List.of();
        }
        return new TemplateView(t.getId(), t.getTemplateCode(), t.getTemplateName(), t.getTicketType(), qs,
                t.getEnabled() == 1, t.getRowVersion());
    }
}
