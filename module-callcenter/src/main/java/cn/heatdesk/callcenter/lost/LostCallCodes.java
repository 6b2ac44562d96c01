package cn.heatdesk.callcenter.lost;

import java.util.LinkedHashMap;
import java.util.Map;

/** Causes and handling states of lost calls (呼损), docs/lost-calls.md. */
public final class LostCallCodes {

    public static final String PERMISSION = "callcenter:lost";
    public static final String PERMISSION_EXPORT = "callcenter:lost:export";

    /** gave up or was dropped before reaching a queue (menu, self-service, timeout in the IVR) */
    public static final String IVR = "IVR";
    /** gave up while waiting, no agent rung yet */
    public static final String QUEUE_ABANDON = "QUEUE_ABANDON";
    /** gave up while an agent's phone was ringing */
    public static final String RING_ABANDON = "RING_ABANDON";
    /** the queue gave up on the caller (timeout, nobody answered) */
    public static final String NO_ANSWER = "NO_ANSWER";

    public static final Map<String, String> CAUSE_LABELS = ordered(IVR, "语音导航中放弃", QUEUE_ABANDON, "排队中放弃",
            RING_ABANDON, "振铃中放弃", NO_ANSWER, "排队超时未接");

    /** nobody called back and the caller did not get through since */
    public static final String PENDING = "PENDING";
    /** called back, nobody answered yet */
    public static final String TRIED = "TRIED";
    /** a callback was answered */
    public static final String DONE = "DONE";
    /** the caller left a message, which became a work order */
    public static final String MESSAGE = "MESSAGE";
    /** the caller called again later and was answered */
    public static final String RECALLED = "RECALLED";
    /** list filter only: PENDING or TRIED (still needs someone) */
    public static final String OPEN = "OPEN";

    public static final Map<String, String> STATE_LABELS = ordered(PENDING, "未回拨", TRIED, "回拨未接通", DONE, "已回拨接通",
            MESSAGE, "已留言转工单", RECALLED, "客户再次来电已接通");

    private LostCallCodes() {
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static String label(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }
}
