package cn.heatdesk.callcenter.voicemail;

import java.util.LinkedHashMap;
import java.util.Map;

/** Outbox states of a message's work order. */
final class VoicemailStatus {

    /** waiting for (another) automatic attempt */
    static final String PENDING = "PENDING";
    /** the work order exists (ticket_id) */
    static final String TICKETED = "TICKETED";
    /** the automatic attempts ran out; a user retries after fixing the cause (last_error) */
    static final String FAILED = "FAILED";

    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(PENDING, "待生成工单");
        LABELS.put(TICKETED, "已生成工单");
        LABELS.put(FAILED, "生成失败");
    }

    private VoicemailStatus() {
    }

    static String label(String status) {
        return status == null ? null : LABELS.getOrDefault(status, status);
    }
}
