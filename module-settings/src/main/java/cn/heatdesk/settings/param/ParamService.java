package cn.heatdesk.settings.param;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.SettingChangeKind;
import cn.heatdesk.settings.api.SettingChangeRecorder;
import cn.heatdesk.settings.changelog.SqlLike;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 系统参数: typed values checked on every change, custom parameters, built-in ones undeletable.
 * Every write is optimistic-locked and logged through {@link SettingChangeRecorder}.
 */
@Service
@Transactional
public class ParamService {

    static final Pattern KEY = Pattern.compile(ParamRequests.KEY_REGEX);
    static final Map<String, String> SORTS = Map.of(
            "paramKey", "param_key",
            "paramName", "param_name",
            "paramGroup", "param_group",
            "updatedAt", "updated_at");
    static final String DEFAULT_SORT = "param_group, param_key";

    private final ParamMapper mapper;
    private final IdGenerator ids;
    private final SettingChangeRecorder recorder;

    public ParamService(ParamMapper mapper, IdGenerator ids, SettingChangeRecorder recorder) {
        this.mapper = mapper;
        this.ids = ids;
        this.recorder = recorder;
    }

    @Transactional(readOnly = true)
    public PageResult<ParamView> list(String group, String keyword, PageQuery page) {
        String orderBy = page.orderBy(SORTS, DEFAULT_SORT);
        String g = group == null || group.isBlank() ? null : group.trim();
        return Paging.page(page, () -> mapper.list(g, SqlLike.contains(keyword), orderBy)).map(ParamView::of);
    }

    @Transactional(readOnly = true)
    public List<String> groups() {
        return mapper.listGroups();
    }

    @Transactional(readOnly = true)
    public ParamView get(long id) {
        return ParamView.of(require(id));
    }

    public ParamView create(ParamRequests.Create r) {
        if (r.paramKey() == null || r.paramKey().isBlank()) {
            throw BizException.invalid("paramKey", "参数键不能为空");
        }
        String key = r.paramKey().trim();
        if (!KEY.matcher(key).matches()) {
            throw BizException.invalid("paramKey", "参数键须以字母开头，只能包含字母、数字、点、下划线和短横线，最长128个字符");
        }
        ParamValueKind kind = ParamValueKind.of(r.valueKind());
        if (kind == null) {
            throw BizException.invalid("valueKind", "参数类型只能是 STRING、INT、BOOL 或 DURATION_MIN");
        }
        String name = text(r.paramName(), 128, "paramName", "参数名称", true);
        ParamValueValidator.checkDefinition(kind, r.minValue(), r.maxValue());
        String value = ParamValueValidator.normalize(kind, name, r.paramValue(), r.minValue(), r.maxValue());
        if (mapper.findByKey(key) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "参数键“" + key + "”已存在", "paramKey");
        }
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        SysParam p = new SysParam();
        p.setId(ids.nextId());
        p.setParamKey(key);
        p.setParamName(name);
        p.setParamValue(value);
        p.setValueKind(kind.name());
        p.setMinValue(r.minValue());
        p.setMaxValue(r.maxValue());
        p.setParamGroup(text(r.paramGroup(), 64, "paramGroup", "参数分组", true));
        p.setBuiltin(0);
        p.setRemark(text(r.remark(), 255, "remark", "备注", false));
        p.setRowVersion(0);
        p.setCreatedBy(user);
        p.setCreatedAt(now);
        p.setUpdatedBy(user);
        p.setUpdatedAt(now);
        mapper.insert(p);
        SysParam after = mapper.findById(p.getId());
        recorder.record(SettingChangeRecorder.SYS_PARAM, p.getId(), after.label(), SettingChangeKind.CREATE, null, after, r.reason());
        return ParamView.of(after);
    }

    public ParamView updateValue(long id, ParamRequests.UpdateValue r) {
        SysParam before = require(id);
        checkVersion(before, r.rowVersion());
        SysParam changed = before.copy();
        changed.setParamValue(ParamValueValidator.normalize(kindOf(before), before.getParamName(), r.paramValue(),
                before.getMinValue(), before.getMaxValue()));
        return write(before, changed, r.reason());
    }

    public ParamView update(long id, ParamRequests.Update r) {
        SysParam before = require(id);
        checkVersion(before, r.rowVersion());
        ParamValueKind kind = kindOf(before);
        String name = text(r.paramName(), 128, "paramName", "参数名称", true);
        String group = text(r.paramGroup(), 64, "paramGroup", "参数分组", true);
        if (before.isBuiltinParam()) {
            if (!name.equals(before.getParamName()) || !group.equals(before.getParamGroup())
                    || !Objects.equals(r.minValue(), before.getMinValue()) || !Objects.equals(r.maxValue(), before.getMaxValue())) {
                throw BizException.forbidden("内置参数“" + before.getParamName() + "”只能修改参数值和备注");
            }
        }
        ParamValueValidator.checkDefinition(kind, r.minValue(), r.maxValue());
        SysParam changed = before.copy();
        changed.setParamName(name);
        changed.setParamGroup(group);
        changed.setMinValue(r.minValue());
        changed.setMaxValue(r.maxValue());
        changed.setRemark(text(r.remark(), 255, "remark", "备注", false));
        changed.setParamValue(ParamValueValidator.normalize(kind, name, r.paramValue(), r.minValue(), r.maxValue()));
        return write(before, changed, r.reason());
    }

    public void delete(long id, Integer rowVersion, String reason) {
        SysParam before = require(id);
        checkVersion(before, rowVersion);
        if (before.isBuiltinParam()) {
            throw BizException.forbidden("内置参数“" + before.getParamName() + "”不能删除");
        }
        if (mapper.delete(id, before.getRowVersion()) == 0) {
            throw BizException.conflict(null);
        }
        recorder.record(SettingChangeRecorder.SYS_PARAM, id, before.label(), SettingChangeKind.DELETE, before, null, reason);
    }

    private ParamView write(SysParam before, SysParam changed, String reason) {
        if (Objects.equals(before.getParamValue(), changed.getParamValue())
                && Objects.equals(before.getParamName(), changed.getParamName())
                && Objects.equals(before.getParamGroup(), changed.getParamGroup())
                && Objects.equals(before.getMinValue(), changed.getMinValue())
                && Objects.equals(before.getMaxValue(), changed.getMaxValue())
                && Objects.equals(before.getRemark(), changed.getRemark())) {
            return ParamView.of(before); // nothing changed: no new version, no log entry
        }
        changed.setUpdatedBy(SecurityContext.userIdOrSystem());
        changed.setUpdatedAt(LocalDateTime.now());
        if (mapper.update(changed) == 0) {
            throw BizException.conflict(null);
        }
        SysParam after = mapper.findById(changed.getId());
        recorder.record(SettingChangeRecorder.SYS_PARAM, after.getId(), after.label(), SettingChangeKind.UPDATE, before, after, reason);
        return ParamView.of(after);
    }

    private SysParam require(long id) {
        SysParam p = mapper.findById(id);
        if (p == null) {
            throw BizException.notFound("系统参数");
        }
        return p;
    }

    private static ParamValueKind kindOf(SysParam p) {
        ParamValueKind k = ParamValueKind.of(p.getValueKind());
        if (k == null) {
            throw new IllegalStateException("sys_param " + p.getParamKey() + " has unknown value_kind " + p.getValueKind());
        }
        return k;
    }

    private static void checkVersion(SysParam current, Integer given) {
        if (given != null && !Objects.equals(current.getRowVersion(), given)) {
            throw BizException.conflict(null);
        }
    }

    private static String text(String value, int max, String field, String what, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw BizException.invalid(field, what + "不能为空");
            }
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw BizException.invalid(field, what + "不能超过" + max + "个字符");
        }
        return v;
    }
}
