package cn.heatdesk.notice.outbox;

import cn.heatdesk.kernel.crypto.MaskType;
import cn.heatdesk.kernel.crypto.Masked;

import java.time.LocalDateTime;
import java.util.Map;

/** 发送记录 views; phone numbers masked for users without data:unmask. */
public final class OutboxViews {

    private OutboxViews() {
    }

    /**
     * @param attempts  tries so far (all rounds)
     * @param retryable FAILED or DEAD: a manual retry is possible
     */
    public record OutboxView(Long id, String channel, String channelLabel, Long recipientId, String recipientName,
                             @Masked(MaskType.PHONE) String address, String eventCode, String eventName, String title,
                             String content, String status, int attempts, LocalDateTime nextAttemptAt,
                             String lastError, String bizType, Long bizId, String bizNo, LocalDateTime createdAt,
                             LocalDateTime sentAt, boolean retryable) {
    }

    public record LogView(Long id, int attemptNo, String channel, String adapter, boolean success, String response,
                          String error, int durationMs, LocalDateTime attemptedAt) {
    }

    /** rows per status (PENDING, SENT, FAILED, DEAD), every status present */
    public record Stats(Map<String, Long> byStatus) {
    }
}
