package cn.heatdesk.notice.api;

/** Delivery channels behind one interface; IN_APP is the message centre row itself. */
public enum NoticeChannel {
    IN_APP("站内消息"),
    SMS("短信"),
    WECHAT("微信模板消息"),
    APP_PUSH("移动端推送");

    private final String label;

    NoticeChannel(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
