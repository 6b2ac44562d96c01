package cn.heatdesk.repair.mobile.sync;

/** What a pushed command does; {@code needsTicket} false only for the daily check-in. */
public enum CommandType {
    ACCEPT("接单", true),
    REJECT("拒绝接单", true),
    CHECK_IN_DAILY("每日签到", false),
    CHECK_IN_SITE("现场签到", true),
    ATTACH("上传现场照片/视频", true),
    TEMPERATURE("录入室温", true),
    VOICE_NOTE("语音上报", true),
    FILL_BACK("回填处理结果", true),
    INCOMPLETE("未完成原因", true),
    DELAY_REQUEST("申请延期", true),
    CANCEL_REQUEST("申请取消", true),
    SIGN("客户签名评价", true),
    COMPLETE("提交完成", true);

    private final String label;
    private final boolean needsTicket;

    CommandType(String label, boolean needsTicket) {
        this.label = label;
        this.needsTicket = needsTicket;
    }

    public String label() { return label; }

    public boolean needsTicket() { return needsTicket; }

    public static CommandType parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
