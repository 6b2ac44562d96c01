package cn.heatdesk.notice.template;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.routing.SharedDatabase;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.notice.api.NoticeChannel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 通知模板: list, edit (with optimistic locking) and preview. Group-wide, so always on the shared database. */
@Service
@SharedDatabase
public class TemplateService {

    static final int TITLE_MAX = 200;
    static final int CONTENT_MAX = 1000;
    static final Map<String, String> SORTS = Map.of("eventCode", "t.event_code", "channel", "t.channel",
            "updatedAt", "t.updated_at");

    private final TemplateMapper mapper;
    private final TemplateCache cache;

    public TemplateService(TemplateMapper mapper, TemplateCache cache) {
        this.mapper = mapper;
        this.cache = cache;
    }

    @Transactional(readOnly = true)
    public PageResult<TemplateViews.TemplateView> page(TemplateFilter f, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "t.event_code ASC") + ", t.channel ASC";
        if (f.getKeyword() != null && !f.getKeyword().isBlank()) {
            f.setKeywordLike("%" + f.getKeyword().strip().toUpperCase() + "%");
        }
        if (f.getChannel() != null && f.getChannel().isBlank()) {
            f.setChannel(null);
        }
        if (f.getChannel() != null) {
            channel(f.getChannel(), "channel");
        }
        if (f.getEnabled() != null && f.getEnabled() != 0 && f.getEnabled() != 1) {
            throw BizException.invalid("enabled", "启用状态只能是 1（启用）或 0（停用）");
        }
        return Paging.page(query, () -> mapper.selectPage(f, orderBy)).map(TemplateService::view);
    }

    @Transactional(readOnly = true)
    public TemplateViews.TemplateView get(long id) {
        return view(require(id));
    }

    @Transactional
    public TemplateViews.TemplateView update(long id, TemplateViews.Update req) {
        CurrentUser user = SecurityContext.require();
        NoticeTemplate t = require(id);
        if (req.rowVersion() == null) {
            throw BizException.invalid("rowVersion", "缺少版本号，请刷新后重试");
        }
        if (!req.rowVersion().equals(t.getRowVersion())) {
            throw BizException.conflict("模板已被他人修改，请刷新后重试");
        }
        NoticeChannel channel = channel(t.getChannel(), "channel");
        String content = req.contentTpl() == null ? "" : req.contentTpl().strip();
        if (content.isEmpty()) {
            throw BizException.invalid("contentTpl", "请填写消息内容");
        }
        if (content.length() > CONTENT_MAX) {
            throw BizException.invalid("contentTpl", "消息内容不能超过 " + CONTENT_MAX + " 个字");
        }
        String title = req.titleTpl() == null ? null : req.titleTpl().strip();
        if (channel != NoticeChannel.SMS && (title == null || title.isEmpty())) {
            throw BizException.invalid("titleTpl", channel.label() + "需要填写标题");
        }
        if (title != null && title.length() > TITLE_MAX) {
            throw BizException.invalid("titleTpl", "标题不能超过 " + TITLE_MAX + " 个字");
        }
        String extId = req.extTemplateId() == null || req.extTemplateId().isBlank() ? null : req.extTemplateId().strip();
        if (extId != null && (extId.length() > 64 || !extId.matches("[A-Za-z0-9_\\-]+"))) {
            throw BizException.invalid("extTemplateId", "模板ID只能由字母、数字、下划线和短横线组成，最长 64 位");
        }
        boolean enabled = req.enabled() == null ? t.enabledFlag() : req.enabled();
        if (enabled && channel == NoticeChannel.WECHAT && extId == null) {
            throw BizException.invalid("extTemplateId", "启用微信模板消息前请填写公众号模板ID");
        }
        checkPlaceholders(t.getEventCode(), title, "titleTpl");
        checkPlaceholders(t.getEventCode(), content, "contentTpl");
        String remark = req.remark() == null || req.remark().isBlank() ? null : req.remark().strip();
        if (remark != null && remark.length() > 500) {
            throw BizException.invalid("remark", "备注不能超过 500 个字");
        }
        t.setTitleTpl(title == null || title.isEmpty() ? null : title);
        t.setContentTpl(content);
        t.setExtTemplateId(extId);
        t.setEnabled(enabled ? 1 : 0);
        t.setRemark(remark);
        t.setUpdatedBy(user.userId());
        t.setUpdatedByName(user.realName());
        t.setUpdatedAt(LocalDateTime.now());
        if (mapper.update(t) == 0) {
            throw BizException.conflict("模板已被他人修改，请刷新后重试");
        }
        cache.invalidate();
        return view(mapper.selectById(id));
    }

    public TemplateViews.Preview preview(TemplateViews.PreviewRequest req) {
        String content = req.contentTpl() == null ? "" : req.contentTpl();
        if (content.isBlank()) {
            throw BizException.invalid("contentTpl", "请填写消息内容");
        }
        Set<String> names = new LinkedHashSet<>(TemplateRenderer.placeholders(req.titleTpl()));
        names.addAll(TemplateRenderer.placeholders(content));
        NoticeEvents.EventInfo event = req.eventCode() == null ? null : NoticeEvents.find(req.eventCode());
        Map<String, Object> params = new HashMap<>(NoticeEvents.samples(new ArrayList<>(names)));
        if (req.params() != null) {
            req.params().forEach((k, v) -> {
                if (v != null && !(v instanceof String s && s.isBlank())) {
                    params.put(k, v);
                }
            });
        }
        String title = TemplateRenderer.render(req.titleTpl(), params).text();
        String text = TemplateRenderer.render(content, params).text();
        List<String> unknown = event == null ? List.of()
                : names.stream().filter(n -> !event.params().contains(n)).toList();
        return new TemplateViews.Preview(title, text, new ArrayList<>(names), unknown, text.length(), smsSegments(text));
    }

    public List<TemplateViews.EventView> events() {
        return NoticeEvents.all().stream().map(e -> new TemplateViews.EventView(e.code(), e.name(), e.params())).toList();
    }

    /** 70 characters fit one SMS; a longer text is sent in parts of 67 */
    static int smsSegments(String text) {
        int n = text == null ? 0 : text.codePointCount(0, text.length());
        if (n == 0) {
            return 0;
        }
        return n <= 70 ? 1 : (n + 66) / 67;
    }

    /** a placeholder the event never supplies is a typo: it would always print empty */
    private static void checkPlaceholders(String eventCode, String text, String field) {
        NoticeEvents.EventInfo event = NoticeEvents.find(eventCode);
        if (event == null || text == null) {
            return;
        }
        for (String p : TemplateRenderer.placeholders(text)) {
            if (!event.params().contains(p)) {
                throw BizException.invalid(field, "参数 ${" + p + "} 不是“" + event.name() + "”提供的参数，可用参数："
                        + String.join("、", event.params().stream().map(x -> "${" + x + "}").toList()));
            }
        }
    }

    private NoticeTemplate require(long id) {
        NoticeTemplate t = mapper.selectById(id);
        if (t == null) {
            throw BizException.notFound("通知模板");
        }
        return t;
    }

    static NoticeChannel channel(String value, String field) {
        try {
            return NoticeChannel.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw BizException.invalid(field, "渠道只能是 IN_APP（站内消息）、SMS（短信）、WECHAT（微信）或 APP_PUSH（移动端推送）");
        }
    }

    static TemplateViews.TemplateView view(NoticeTemplate t) {
        NoticeEvents.EventInfo e = NoticeEvents.find(t.getEventCode());
        String label;
        try {
            label = NoticeChannel.valueOf(t.getChannel()).label();
        } catch (IllegalArgumentException ex) {
            label = t.getChannel();
        }
        return new TemplateViews.TemplateView(t.getId(), t.getEventCode(), t.getEventName(), t.getChannel(), label,
                t.getTitleTpl(), t.getContentTpl(), t.getExtTemplateId(), t.enabledFlag(), t.getRemark(),
                t.getRowVersion(), t.getUpdatedByName(), t.getUpdatedAt(), e == null ? List.of() : e.params());
    }
}
