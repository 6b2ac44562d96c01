package cn.heatdesk.callcenter.cti;

import java.util.Locale;

/** Asterisk's English error messages of the call-control actions, said in Chinese for the agent. */
public final class AsteriskMessages {

    private AsteriskMessages() {
    }

    public static String translate(String message) {
        if (message == null || message.isBlank()) {
            return "网关拒绝了操作（未说明原因）";
        }
        String m = message.strip();
        String l = m.toLowerCase(Locale.ROOT);
        if (l.startsWith("channel does not exist") || l.equals("no such channel")
                || l.equals("channel specified does not exist") || l.contains("does not exist")) {
            return "通话通道已不存在（通话可能刚刚结束）【" + m + "】";
        }
        if (l.startsWith("redirect failed, channel not up") || l.startsWith("redirect failed, extra channel not up")) {
            return "通话已挂断，无法转移【" + m + "】";
        }
        if (l.equals("transfer invalid")) {
            return "当前通话没有接通的对方，不能转接【" + m + "】";
        }
        if (l.equals("transfer not permitted")) {
            return "网关不允许本次转接【" + m + "】";
        }
        if (l.equals("transfer failed")) {
            return "转接失败【" + m + "】";
        }
        if (l.contains("attended transfer feature")) {
            return "网关未配置咨询转接功能码（features.conf 的 atxfer）【" + m + "】";
        }
        if (l.contains("disconnect feature") || l.contains("abort")) {
            return "网关未配置取消咨询转接功能码（features.conf 的 atxferabort）【" + m + "】";
        }
        if (l.contains("redirect failed") || l.contains("secondary redirect failed")) {
            return "通话转移失败【" + m + "】";
        }
        if (l.contains("originate failed")) {
            return "外呼失败【" + m + "】";
        }
        if (l.contains("permission denied")) {
            return "网关的 AMI 账号没有此操作的权限【" + m + "】";
        }
        if (l.contains("invalid/unknown command")) {
            return "网关的 Asterisk 版本不支持此操作【" + m + "】";
        }
        return "网关返回错误【" + m + "】";
    }
}
