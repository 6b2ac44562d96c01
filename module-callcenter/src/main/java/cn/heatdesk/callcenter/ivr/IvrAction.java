package cn.heatdesk.callcenter.ivr;

import java.util.Arrays;
import java.util.Optional;

/** What a key (or a node's give-up, or the out-of-hours rule) does with the caller. */
public enum IvrAction {
    /** go to another node of the menu (target = node code) */
    MENU("子菜单", true),
    /** queue for a skill (target = queue name on the menu's gateway) */
    QUEUE("进入队列", true),
    /** leave a message (the dialplan's Record extension) */
    VOICEMAIL("留言", false),
    /** hear the status of the caller's latest work order, then the same node again */
    SELF_SERVICE("自助查询工单", false),
    /** play the node's prompt again */
    REPEAT("重听", false),
    /** the menu's operator queue (人工服务) */
    OPERATOR("转人工", false),
    HANGUP("挂机", false);

    private final String label;
    private final boolean needsTarget;

    IvrAction(String label, boolean needsTarget) {
        this.label = label;
        this.needsTarget = needsTarget;
    }

    public String label() {
        return label;
    }

    public boolean needsTarget() {
        return needsTarget;
    }

    public static Optional<IvrAction> parse(String s) {
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(s == null ? "" : s.strip())).findFirst();
    }
}
