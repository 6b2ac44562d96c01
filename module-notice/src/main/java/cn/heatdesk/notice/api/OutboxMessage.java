package cn.heatdesk.notice.api;

/**
 * One outbox row as an adapter sees it.
 *
 * @param id            the outbox row id; stable across retries, so gateways can use it as an idempotency key
 * @param address       the decrypted phone number (SMS); null for channels that resolve their own address
 * @param extTemplateId the channel's own template id (WeChat template id), when the template has one
 * @param attempt       1 for the first try, counting every try of this row
 */
public record OutboxMessage(Long id, NoticeChannel channel, Long recipientId, String recipientName, String address,
                            String eventCode, String title, String content, String extTemplateId,
                            String bizType, Long bizId, String bizNo, int attempt) {
}
