package cn.heatdesk.notice.send;

import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.notice.api.LivePush;
import cn.heatdesk.notice.api.Notice;
import cn.heatdesk.notice.api.NoticeApi;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.message.MessageMapper;
import cn.heatdesk.notice.message.MessageService;
import cn.heatdesk.notice.message.MessageViews;
import cn.heatdesk.notice.message.NoticeMessage;
import cn.heatdesk.notice.outbox.NoticeFailures;
import cn.heatdesk.notice.outbox.OutboxMapper;
import cn.heatdesk.notice.outbox.OutboxRow;
import cn.heatdesk.notice.template.NoticeTemplate;
import cn.heatdesk.notice.template.TemplateCache;
import cn.heatdesk.notice.template.TemplateRenderer;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link NoticeApi}: renders the event's templates and writes, in the caller's transaction, an nt_message row per
 * recipient (IN_APP) and an nt_outbox row per recipient and external channel. After the commit the recipients'
 * open consoles get the new message on live topic "notice"; a rollback leaves no trace.
 * <ul>
 * <li>Recipients: duplicates, unknown and disabled users are skipped (a disabled employee gets neither an SMS nor
 *     a message).</li>
 * <li>SMS: the number is looked up now and stored encrypted. A recipient without a number still gets an outbox
 *     row, FAILED at once with the reason, so 发送记录 shows who was not reached (a retry after the number is
 *     entered sends it).</li>
 * <li>An event code without templates is a programming or configuration gap: it is logged as a warning and the
 *     recipients get an in-app message with a generic text (business number and parameters) — never an SMS or
 *     WeChat text nobody has reviewed.</li>
 * <li>A disabled template sends nothing on its channel; {@link Notice#channels()} narrows the channels further.</li>
 * </ul>
 */
@Service
public class NoticeService implements NoticeApi {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);
    /** nt_message / nt_outbox subsidiary_id of group-level users (their subsidiary is null) */
    static final long GROUP_SUBSIDIARY = 0L;

    private final TemplateCache templates;
    private final MessageMapper messages;
    private final OutboxMapper outbox;
    private final UserApi users;
    private final IdGenerator ids;
    private final LivePush live;

    public NoticeService(TemplateCache templates, MessageMapper messages, OutboxMapper outbox, UserApi users,
                         IdGenerator ids, LivePush live) {
        this.templates = templates;
        this.messages = messages;
        this.outbox = outbox;
        this.users = users;
        this.ids = ids;
        this.live = live;
    }

    @Override
    @Transactional
    public void send(Notice notice) {
        Objects.requireNonNull(notice, "notice");
        if (notice.eventCode() == null || notice.eventCode().isBlank()) {
            throw new IllegalArgumentException("Notice.eventCode is required");
        }
        Set<Long> wanted = new LinkedHashSet<>();
        if (notice.userIds() != null) {
            notice.userIds().stream().filter(Objects::nonNull).forEach(wanted::add);
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<Long, UserInfo> found = users.findAll(wanted).stream()
                .collect(Collectors.toMap(UserInfo::id, Function.identity(), (a, b) -> a));
        List<UserInfo> recipients = new ArrayList<>();
        for (Long id : wanted) {
            UserInfo u = found.get(id);
            if (u == null) {
                log.debug("Notice {}: unknown user {} skipped", notice.eventCode(), id);
            } else if (!u.enabled()) {
                log.debug("Notice {}: disabled user {} skipped", notice.eventCode(), id);
            } else {
                recipients.add(u);
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        Map<String, Object> params = notice.params() == null ? Map.of() : notice.params();
        List<NoticeTemplate> tpls = templates.forEvent(notice.eventCode());
        LocalDateTime now = LocalDateTime.now();
        Long createdBy = SecurityContext.current().map(u -> u.userId()).orElse(null);
        List<NoticeMessage> written = new ArrayList<>();

        if (tpls.isEmpty()) {
            log.warn("Notice event {} has no templates: sending a generic in-app message only (add templates in 通知模板)",
                    notice.eventCode());
            if (allowed(notice, NoticeChannel.IN_APP)) {
                String title = TemplateRenderer.cut("业务通知：" + (notice.bizNo() != null ? notice.bizNo() : notice.eventCode()), 200);
                String content = TemplateRenderer.cut(genericContent(notice, params), 2000);
                for (UserInfo u : recipients) {
                    written.add(insertMessage(notice, u, title, content, now, createdBy));
                }
            }
        } else {
            for (NoticeTemplate t : tpls) {
                NoticeChannel channel;
                try {
                    channel = NoticeChannel.valueOf(t.getChannel());
                } catch (IllegalArgumentException e) {
                    log.warn("Template {} has an unknown channel {}", t.getId(), t.getChannel());
                    continue;
                }
                if (!t.enabledFlag() || !allowed(notice, channel)) {
                    continue;
                }
                String title = TemplateRenderer.cut(TemplateRenderer.render(t.getTitleTpl(), params).text(), 200);
                String content = TemplateRenderer.cut(TemplateRenderer.render(t.getContentTpl(), params).text(), 2000);
                for (UserInfo u : recipients) {
                    if (channel == NoticeChannel.IN_APP) {
                        written.add(insertMessage(notice, u, title == null || title.isBlank() ? content : title,
                                content, now, createdBy));
                    } else {
                        insertOutbox(notice, u, channel, t, title, content, now, createdBy);
                    }
                }
            }
        }
        if (!written.isEmpty()) {
            afterCommit(() -> written.forEach(m -> live.toUsers(List.of(m.getRecipientId()), MessageService.LIVE_TOPIC,
                    new MessageViews.LiveNotice("MESSAGE", MessageViews.MessageView.of(m), null))));
        }
    }

    private static boolean allowed(Notice n, NoticeChannel c) {
        return n.channels() == null || n.channels().contains(c);
    }

    private NoticeMessage insertMessage(Notice n, UserInfo u, String title, String content, LocalDateTime now, Long createdBy) {
        NoticeMessage m = new NoticeMessage();
        m.setId(ids.nextId());
        m.setRecipientId(u.id());
        m.setTitle(title);
        m.setContent(content);
        m.setEventCode(n.eventCode());
        m.setBizType(n.bizType());
        m.setBizId(n.bizId());
        m.setBizNo(TemplateRenderer.cut(n.bizNo(), 64));
        m.setSubsidiaryId(u.subsidiaryId() == null ? GROUP_SUBSIDIARY : u.subsidiaryId());
        m.setOrgPath(u.orgPath() == null ? "/" : u.orgPath());
        m.setCreatedBy(createdBy);
        m.setCreatedAt(now);
        messages.insert(m);
        return m;
    }

    private void insertOutbox(Notice n, UserInfo u, NoticeChannel channel, NoticeTemplate t, String title,
                              String content, LocalDateTime now, Long createdBy) {
        OutboxRow r = new OutboxRow();
        r.setId(ids.nextId());
        r.setChannel(channel.name());
        r.setRecipientId(u.id());
        r.setRecipientName(TemplateRenderer.cut(u.realName(), 64));
        r.setEventCode(n.eventCode());
        r.setTitle(title);
        r.setContent(content);
        r.setExtTemplateId(t.getExtTemplateId());
        r.setStatus(OutboxRow.PENDING);
        r.setNextAttemptAt(now);
        if (channel == NoticeChannel.SMS) {
            String phone = users.phone(u.id()).filter(p -> !p.isBlank()).orElse(null);
            r.setAddress(phone);
            if (phone == null) {
                r.setStatus(OutboxRow.FAILED);
                r.setLastError(NoticeFailures.NO_PHONE);
            }
        }
        r.setBizType(n.bizType());
        r.setBizId(n.bizId());
        r.setBizNo(TemplateRenderer.cut(n.bizNo(), 64));
        r.setSubsidiaryId(u.subsidiaryId() == null ? GROUP_SUBSIDIARY : u.subsidiaryId());
        r.setOrgPath(u.orgPath() == null ? "/" : u.orgPath());
        r.setCreatedBy(createdBy);
        r.setCreatedAt(now);
        outbox.insert(r);
    }

    static String genericContent(Notice n, Map<String, Object> params) {
        StringBuilder sb = new StringBuilder("事件 ").append(n.eventCode());
        if (n.bizNo() != null) {
            sb.append("，业务编号 ").append(n.bizNo());
        }
        String details = params.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "：" + TemplateRenderer.render("${v}", Map.of("v", e.getValue())).text())
                .collect(Collectors.joining("；"));
        if (!details.isEmpty()) {
            sb.append("。").append(details);
        }
        return sb.toString();
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
