package cn.heatdesk.notice.outbox;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.routing.RoutingProperties;
import cn.heatdesk.kernel.routing.SubsidiaryRouting;
import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.api.OutboxMessage;
import cn.heatdesk.notice.channel.ChannelRegistry;
import cn.heatdesk.notice.config.NoticeProperties;
import cn.heatdesk.notice.template.TemplateRenderer;
import cn.heatdesk.settings.api.UserApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivers due outbox rows. Per row: claim it (a conditional UPDATE that counts the attempt and hides the row for
 * the claim lease — of two instances only one wins), send it through the channel's adapter outside any
 * transaction, then record the attempt in nt_delivery_log and the outcome on the row in one transaction:
 * SENT; FAILED (retrying cannot help); or PENDING again after the backoff, DEAD once the round's attempts are
 * used up. A crash between claim and outcome leaves the row PENDING; it is tried again when the lease ends
 * (at-least-once: the gateway sees the same requestId).
 * <p>Runs on the shared database and on every subsidiary database configured under heatdesk.routing.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** batches per database and run, so one run ends even under a flood */
    static final int MAX_BATCHES = 20;

    private final OutboxMapper outbox;
    private final DeliveryLogMapper logs;
    private final ChannelRegistry channels;
    private final UserApi users;
    private final IdGenerator ids;
    private final NoticeProperties.Outbox config;
    private final TransactionTemplate tx;
    private final RoutingProperties routing;

    public OutboxDispatcher(OutboxMapper outbox, DeliveryLogMapper logs, ChannelRegistry channels, UserApi users,
                            IdGenerator ids, NoticeProperties props, PlatformTransactionManager txManager,
                            ObjectProvider<RoutingProperties> routing) {
        this.outbox = outbox;
        this.logs = logs;
        this.channels = channels;
        this.users = users;
        this.ids = ids;
        this.config = props.getOutbox();
        this.tx = new TransactionTemplate(txManager);
        this.routing = routing.getIfAvailable(RoutingProperties::new);
    }

    /** One pass over every database: delivers what is due now. Returns the number of rows tried. */
    public int runOnce() {
        int tried = runDatabase();
        for (Long subsidiaryId : new ArrayList<>(routing.getSubsidiaries().keySet())) {
            try {
                tried += SubsidiaryRouting.callFor(subsidiaryId, this::runDatabase);
            } catch (RuntimeException e) {
                log.warn("Outbox of subsidiary {} could not be dispatched: {}", subsidiaryId, e.toString());
            }
        }
        return tried;
    }

    private int runDatabase() {
        int tried = 0;
        int batch = Math.max(1, config.getBatchSize());
        for (int i = 0; i < MAX_BATCHES; i++) {
            LocalDateTime now = LocalDateTime.now();
            List<OutboxRow> due = Paging.limit(batch, () -> outbox.selectDue(now));
            for (OutboxRow row : due) {
                if (deliver(row)) {
                    tried++;
                }
            }
            if (due.size() < batch) {
                break;
            }
        }
        return tried;
    }

    /** Tries one row if it can still be claimed; false when another dispatcher had it first. */
    boolean deliver(OutboxRow row) {
        LocalDateTime now = LocalDateTime.now();
        int seen = row.getAttempts() == null ? 0 : row.getAttempts();
        if (outbox.claim(row.getId(), seen, now, now.plus(config.getClaimLease())) != 1) {
            return false;
        }
        int attempt = seen + 1;
        NoticeChannel channel = NoticeChannel.valueOf(row.getChannel());
        Optional<NoticeChannelAdapter> adapter = channels.forChannel(channel);
        String adapterName = adapter.map(NoticeChannelAdapter::name).orElse("none");
        String address = row.getAddress();
        String resolvedAddress = null;
        long started = System.nanoTime();
        DeliveryResult result;
        if (adapter.isEmpty()) {
            result = DeliveryResult.failed("渠道 " + channel + " 没有可用的发送通道", null);
        } else if (channel == NoticeChannel.SMS && (address == null || address.isBlank())) {
            // the number may have been entered since the notice was queued (manual retry after fixing it)
            resolvedAddress = users.phone(row.getRecipientId()).filter(p -> !p.isBlank()).orElse(null);
            address = resolvedAddress;
            result = address == null ? DeliveryResult.failed(NoticeFailures.NO_PHONE, null) : null;
        } else {
            result = null;
        }
        if (result == null) {
            OutboxMessage message = new OutboxMessage(row.getId(), channel, row.getRecipientId(), row.getRecipientName(),
                    address, row.getEventCode(), row.getTitle(), row.getContent(), row.getExtTemplateId(),
                    row.getBizType(), row.getBizId(), row.getBizNo(), attempt);
            try {
                result = adapter.get().send(message);
                if (result == null) {
                    result = DeliveryResult.retry("发送通道未返回结果", null);
                }
            } catch (RuntimeException e) {
                log.warn("Outbox #{} adapter {} threw", row.getId(), adapterName, e);
                result = DeliveryResult.retry("发送异常：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null);
            }
        }
        int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        record(row, attempt, channel, adapterName, result, durationMs, resolvedAddress);
        return true;
    }

    private void record(OutboxRow row, int attempt, NoticeChannel channel, String adapterName, DeliveryResult result,
                        int durationMs, String resolvedAddress) {
        LocalDateTime now = LocalDateTime.now();
        String status;
        LocalDateTime next = now;
        String error = TemplateRenderer.cut(result.error(), 1000);
        int roundAttempts = attempt - (row.getRetryBase() == null ? 0 : row.getRetryBase());
        switch (result.outcome()) {
            case SENT -> {
                status = OutboxRow.SENT;
                error = null;
            }
            case FAILED -> status = OutboxRow.FAILED;
            default -> {
                if (roundAttempts >= Math.max(1, config.getMaxAttempts())) {
                    status = OutboxRow.DEAD;
                    error = TemplateRenderer.cut((error == null ? "发送失败" : error) + "（已尝试 " + roundAttempts
                            + " 次，停止自动重试）", 1000);
                } else {
                    status = OutboxRow.PENDING;
                    next = now.plus(Backoff.after(config.getBackoff(), roundAttempts));
                }
            }
        }
        DeliveryLog entry = new DeliveryLog();
        entry.setId(ids.nextId());
        entry.setOutboxId(row.getId());
        entry.setAttemptNo(attempt);
        entry.setChannel(channel.name());
        entry.setAdapter(adapterName);
        entry.setSuccess(result.outcome() == DeliveryResult.Outcome.SENT ? 1 : 0);
        entry.setRespText(TemplateRenderer.cut(result.response(), 1000));
        entry.setErrorText(TemplateRenderer.cut(result.error(), 1000));
        entry.setDurationMs(durationMs);
        entry.setAttemptedAt(now);
        String finalStatus = status;
        LocalDateTime finalNext = next;
        String finalError = error;
        Boolean done = tx.execute(s -> {
            logs.insert(entry);
            int n = outbox.finish(row.getId(), attempt, finalStatus, finalNext, finalError,
                    finalStatus.equals(OutboxRow.SENT) ? now : null, now, resolvedAddress);
            if (n != 1) {
                // someone requeued or re-claimed the row after our lease ran out: keep the log, leave the row alone
                log.warn("Outbox #{} changed while attempt {} was in flight; outcome {} recorded in the log only",
                        row.getId(), attempt, finalStatus);
            }
            return n == 1;
        });
        if (Boolean.TRUE.equals(done)) {
            if (OutboxRow.DEAD.equals(finalStatus)) {
                log.warn("Outbox #{} ({} {} to user {}) is DEAD after {} attempts: {}", row.getId(), channel,
                        row.getEventCode(), row.getRecipientId(), roundAttempts, result.error());
            } else if (!OutboxRow.SENT.equals(finalStatus)) {
                log.info("Outbox #{} ({} to user {}) attempt {} failed → {}: {}", row.getId(), channel,
                        row.getRecipientId(), attempt, finalStatus, result.error());
            }
        }
    }
}
