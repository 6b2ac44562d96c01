package cn.heatdesk.notice.outbox;

/** Reasons shown in 发送记录 when a message cannot be sent at all. */
public final class NoticeFailures {

    public static final String NO_PHONE = "收件人未登记手机号，短信无法发送（在用户管理中补充手机号后可重试）";

    private NoticeFailures() {
    }
}
