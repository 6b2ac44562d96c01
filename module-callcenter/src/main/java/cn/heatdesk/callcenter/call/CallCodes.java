package cn.heatdesk.callcenter.call;

import java.util.Map;

/** The code values stored in cc_call / cc_call_leg and their Chinese labels (docs/call-records.md). */
public final class CallCodes {

    public static final String IN = "IN";
    public static final String OUT = "OUT";
    public static final String INTERNAL = "INTERNAL";

    public static final String LIVE = "LIVE";
    public static final String ENDED = "ENDED";

    public static final String ANSWERED = "ANSWERED";
    public static final String ABANDONED = "ABANDONED";
    public static final String NO_ANSWER = "NO_ANSWER";
    public static final String REJECTED = "REJECTED";
    public static final String BLACKLISTED = "BLACKLISTED";
    public static final String FAILED = "FAILED";

    /** leg parties; hangup_by uses the same values */
    public static final String CALLER = "CALLER";
    public static final String AGENT = "AGENT";
    public static final String OUTSIDE = "OUTSIDE";
    public static final String SYSTEM = "SYSTEM";

    public static final Map<String, String> DIRECTION_LABELS = Map.of(IN, "呼入", OUT, "呼出", INTERNAL, "内部");
    public static final Map<String, String> RESULT_LABELS = Map.of(ANSWERED, "已接通", ABANDONED, "放弃",
            NO_ANSWER, "未接通", REJECTED, "拒接", BLACKLISTED, "黑名单拦截", FAILED, "呼叫失败");
    public static final Map<String, String> PARTY_LABELS = Map.of(CALLER, "主叫", AGENT, "坐席", OUTSIDE, "外线",
            SYSTEM, "系统");
    public static final Map<String, String> STATUS_LABELS = Map.of(LIVE, "通话中", ENDED, "已结束");

    /** list filter callbackState: missed inbound calls nobody called back yet / called back */
    public static final String CALLBACK_PENDING = "PENDING";
    public static final String CALLBACK_DONE = "DONE";
    public static final Map<String, String> CALLBACK_STATE_LABELS = Map.of(CALLBACK_PENDING, "未回拨的未接来电",
            CALLBACK_DONE, "已回拨的未接来电");

    private CallCodes() {
    }

    static String label(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }
}
