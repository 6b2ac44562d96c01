package cn.heatdesk.repair.worker;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.repair.support.CodeList;
import cn.heatdesk.settings.api.DictionaryApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Skills of repair crews and the ticket types each suits. Group-wide: every station picks from the same list, and
 * only group users maintain it (a station lead cannot change what 管网维修 means for the others).
 */
@Service
public class SkillService {

    public static final String TICKET_TYPE_DICT = "ticket_type";
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,31}$");

    private final SkillMapper mapper;
    private final DictionaryApi dictionaries;
    private final IdGenerator ids;

    public SkillService(SkillMapper mapper, DictionaryApi dictionaries, IdGenerator ids) {
        this.mapper = mapper;
        this.dictionaries = dictionaries;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    public List<WorkerViews.SkillView> list() {
        Map<String, String> typeLabels = dictionaries.labels(TICKET_TYPE_DICT);
        return mapper.selectAll().stream().map(s -> view(s, typeLabels)).toList();
    }

    /** every skill by code, disabled ones included (old profiles still show their names) */
    @Transactional(readOnly = true)
    public Map<String, Skill> byCode() {
        Map<String, Skill> out = new LinkedHashMap<>();
        mapper.selectAll().forEach(s -> out.put(s.getSkillCode(), s));
        return out;
    }

    /** the codes, de-duplicated, each an enabled skill; 400 on "skills" otherwise */
    @Transactional(readOnly = true)
    public List<String> requireEnabled(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        Map<String, Skill> all = byCode();
        List<String> out = new ArrayList<>();
        for (String c : new LinkedHashSet<>(codes)) {
            Skill s = c == null ? null : all.get(c.strip());
            if (s == null) {
                throw BizException.invalid("skills", "技能“" + c + "”不存在");
            }
            if (s.getEnabled() == null || s.getEnabled() != 1) {
                throw BizException.invalid("skills", "技能“" + s.getSkillName() + "”已停用");
            }
            out.add(s.getSkillCode());
        }
        return out;
    }

    @Transactional
    public WorkerViews.SkillView create(WorkerRequests.SkillSave req) {
        CurrentUser me = requireGroupUser();
        String code = req.code().strip().toUpperCase();
        if (!CODE.matcher(code).matches()) {
            throw BizException.invalid("code", "技能编码只能由大写字母、数字和下划线组成，且以字母开头");
        }
        if (mapper.selectByCode(code) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "技能编码“" + code + "”已存在", "code");
        }
        LocalDateTime now = LocalDateTime.now();
        Skill s = new Skill();
        s.setId(ids.nextId());
        s.setSkillCode(code);
        s.setSkillName(req.name().strip());
        s.setTicketTypes(CodeList.join(validTypes(req.ticketTypes())));
        s.setSortNo(req.sortNo() == null ? 0 : req.sortNo());
        s.setEnabled(req.enabled() == null || req.enabled() ? 1 : 0);
        s.setRowVersion(0);
        s.setCreatedBy(me.userId());
        s.setCreatedAt(now);
        s.setUpdatedBy(me.userId());
        s.setUpdatedAt(now);
        mapper.insert(s);
        return view(s, dictionaries.labels(TICKET_TYPE_DICT));
    }

    @Transactional
    public WorkerViews.SkillView update(String code, WorkerRequests.SkillSave req) {
        CurrentUser me = requireGroupUser();
        Skill s = mapper.selectByCode(code);
        if (s == null) {
            throw BizException.notFound("技能");
        }
        if (req.rowVersion() == null || !Objects.equals(req.rowVersion(), s.getRowVersion())) {
            throw BizException.conflict("技能已被他人修改，请刷新后重试");
        }
        s.setSkillName(req.name().strip());
        s.setTicketTypes(CodeList.join(validTypes(req.ticketTypes())));
        s.setSortNo(req.sortNo() == null ? s.getSortNo() : req.sortNo());
        s.setEnabled(req.enabled() == null ? s.getEnabled() : req.enabled() ? 1 : 0);
        s.setUpdatedBy(me.userId());
        s.setUpdatedAt(LocalDateTime.now());
        if (mapper.update(s) != 1) {
            throw BizException.conflict("技能已被他人修改，请刷新后重试");
        }
        s.setRowVersion(s.getRowVersion() + 1);
        return view(s, dictionaries.labels(TICKET_TYPE_DICT));
    }

    private List<String> validTypes(List<String> types) {
        if (types == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String t : new LinkedHashSet<>(types)) {
            dictionaries.requireValid(TICKET_TYPE_DICT, t, "ticketTypes");
            out.add(t.strip());
        }
        return out;
    }

    private static CurrentUser requireGroupUser() {
        CurrentUser me = SecurityContext.require();
        if (me.dataScope() != DataScope.ALL) {
            throw BizException.forbidden("技能由集团统一维护，维修站和分公司只能选用");
        }
        return me;
    }

    static WorkerViews.SkillView view(Skill s, Map<String, String> typeLabels) {
        List<String> types = CodeList.split(s.getTicketTypes());
        return new WorkerViews.SkillView(s.getId(), s.getSkillCode(), s.getSkillName(), types,
                types.stream().map(t -> typeLabels.getOrDefault(t, t)).toList(),
                s.getSortNo() == null ? 0 : s.getSortNo(), s.getEnabled() != null && s.getEnabled() == 1, s.getRowVersion());
    }
}
