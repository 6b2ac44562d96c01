package cn.heatdesk.notice.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One notification to send: the event picks the templates (one per channel), params fill them.
 *
 * @param eventCode  e.g. TICKET_DISPATCHED; see docs/notice.md for the list and their parameters
 * @param userIds    recipients (users); duplicates and unknown ids are ignored
 * @param bizType    what the message is about (TICKET, APPROVAL …), for the link in the message centre
 * @param channels   restrict to these channels; null = every channel the event's templates enable
 */
public record Notice(String eventCode, List<Long> userIds, String bizType, Long bizId, String bizNo,
                     Map<String, Object> params, Set<NoticeChannel> channels) {

    public static Notice of(String eventCode, List<Long> userIds, String bizType, Long bizId, String bizNo,
                            Map<String, Object> params) {
        return new Notice(eventCode, userIds, bizType, bizId, bizNo, params, null);
    }
}
