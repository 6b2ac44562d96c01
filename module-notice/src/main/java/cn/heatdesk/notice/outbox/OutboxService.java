package cn.heatdesk.notice.outbox;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.template.NoticeEvents;
import cn.heatdesk.settings.api.UserApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 发送记录: the outbox in the user's data scope, its delivery log, manual retry. */
@Service
public class OutboxService {

    static final Set<String> STATUSES = Set.of(OutboxRow.PENDING, OutboxRow.SENT, OutboxRow.FAILED, OutboxRow.DEAD);
    static final Map<String, String> SORTS = Map.of("createdAt", "o.created_at", "sentAt", "o.sent_at",
            "attempts", "o.attempts", "nextAttemptAt", "o.next_attempt_at");

    private final OutboxMapper outbox;
    private final DeliveryLogMapper logs;
    private final UserApi users;

    public OutboxService(OutboxMapper outbox, DeliveryLogMapper logs, UserApi users) {
        this.outbox = outbox;
        this.logs = logs;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public PageResult<OutboxViews.OutboxView> page(OutboxFilter f, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "o.created_at DESC") + ", o.id DESC";
        normalise(f);
        if (f.getStatus() != null && !STATUSES.contains(f.getStatus())) {
            throw BizException.invalid("status", "状态只能是 PENDING（待发送）、SENT（已发送）、FAILED（失败）或 DEAD（已放弃）");
        }
        return Paging.page(query, () -> outbox.selectPage(f, orderBy)).map(OutboxService::view);
    }

    @Transactional(readOnly = true)
    public OutboxViews.Stats stats(OutboxFilter f) {
        normalise(f);
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : List.of(OutboxRow.PENDING, OutboxRow.SENT, OutboxRow.FAILED, OutboxRow.DEAD)) {
            out.put(s, 0L);
        }
        outbox.countByStatus(f).forEach(c -> out.put(c.status(), c.total()));
        return new OutboxViews.Stats(out);
    }

    @Transactional(readOnly = true)
    public OutboxViews.OutboxView get(long id) {
        return view(require(id));
    }

    @Transactional(readOnly = true)
    public List<OutboxViews.LogView> logs(long id) {
        require(id);
        return logs.selectByOutbox(id).stream().map(l -> new OutboxViews.LogView(l.getId(),
                l.getAttemptNo() == null ? 0 : l.getAttemptNo(), l.getChannel(), l.getAdapter(),
                l.getSuccess() != null && l.getSuccess() == 1, l.getRespText(), l.getErrorText(),
                l.getDurationMs() == null ? 0 : l.getDurationMs(), l.getAttemptedAt())).toList();
    }

    /**
     * Sends a FAILED or DEAD row again as soon as the dispatcher runs, with a fresh round of automatic retries.
     * An SMS takes the recipient's current number (it may have been added or corrected since).
     */
    @Transactional
    public OutboxViews.OutboxView retry(long id) {
        OutboxRow row = require(id);
        if (!OutboxRow.FAILED.equals(row.getStatus()) && !OutboxRow.DEAD.equals(row.getStatus())) {
            throw BizException.invalid("id", "只有发送失败或已放弃的记录可以重试（当前状态："
                    + statusLabel(row.getStatus()) + "）");
        }
        String phone = NoticeChannel.SMS.name().equals(row.getChannel())
                ? users.phone(row.getRecipientId()).filter(p -> !p.isBlank()).orElse(null) : null;
        if (outbox.requeue(id, LocalDateTime.now(), phone) != 1) {
            throw BizException.conflict("发送记录的状态已变化，请刷新后重试");
        }
        return view(outbox.selectById(id));
    }

    private OutboxRow require(long id) {
        OutboxRow row = outbox.selectById(id);
        if (row == null) {
            throw BizException.notFound("发送记录");
        }
        return row;
    }

    private static void normalise(OutboxFilter f) {
        f.setStatus(blankToNull(f.getStatus()));
        f.setChannel(blankToNull(f.getChannel()));
        f.setEventCode(blankToNull(f.getEventCode()));
        f.setBizNo(blankToNull(f.getBizNo()));
        if (f.getChannel() != null) {
            try {
                NoticeChannel.valueOf(f.getChannel());
            } catch (IllegalArgumentException e) {
                throw BizException.invalid("channel", "渠道只能是 SMS（短信）、WECHAT（微信）或 APP_PUSH（移动端推送）");
            }
        }
        if (f.getCreatedFrom() != null && f.getCreatedTo() != null && f.getCreatedFrom().isAfter(f.getCreatedTo())) {
            throw BizException.invalid("createdFrom", "开始时间不能晚于结束时间");
        }
    }

    static String statusLabel(String status) {
        return switch (status) {
            case OutboxRow.PENDING -> "待发送";
            case OutboxRow.SENT -> "已发送";
            case OutboxRow.FAILED -> "失败";
            case OutboxRow.DEAD -> "已放弃";
            default -> status;
        };
    }

    static OutboxViews.OutboxView view(OutboxRow r) {
        NoticeEvents.EventInfo e = NoticeEvents.find(r.getEventCode());
        String label;
        try {
            label = NoticeChannel.valueOf(r.getChannel()).label();
        } catch (IllegalArgumentException ex) {
            label = r.getChannel();
        }
        boolean retryable = OutboxRow.FAILED.equals(r.getStatus()) || OutboxRow.DEAD.equals(r.getStatus());
        return new OutboxViews.OutboxView(r.getId(), r.getChannel(), label, r.getRecipientId(), r.getRecipientName(),
                r.getAddress(), r.getEventCode(), e == null ? r.getEventCode() : e.name(), r.getTitle(), r.getContent(),
                r.getStatus(), r.getAttempts() == null ? 0 : r.getAttempts(),
                OutboxRow.PENDING.equals(r.getStatus()) ? r.getNextAttemptAt() : null, r.getLastError(),
                r.getBizType(), r.getBizId(), r.getBizNo(), r.getCreatedAt(), r.getSentAt(), retryable);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
