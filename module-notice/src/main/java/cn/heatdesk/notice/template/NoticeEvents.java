package cn.heatdesk.notice.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event codes other modules send, with their parameters and a sample value of each (template preview).
 * The seeded templates (db/changelog/notice/001-notice.xml) use exactly these parameters; docs/notice.md lists
 * who receives each event.
 */
public final class NoticeEvents {

    public record EventInfo(String code, String name, List<String> params) {
    }

    private static final Map<String, EventInfo> EVENTS = new LinkedHashMap<>();
    private static final Map<String, String> SAMPLES = new LinkedHashMap<>();

    static {
        event("TICKET_DISPATCHED", "工单派至维修站", "ticketNo", "ticketType", "address", "deadline");
        event("TICKET_ASSIGNED", "工单分派给维修人员", "ticketNo", "ticketType", "address", "deadline");
        event("TICKET_REASSIGNED", "工单改派", "ticketNo", "address", "workerName", "reason");
        event("TICKET_URGED", "工单催办", "ticketNo", "operatorName", "reason", "deadline");
        event("TICKET_ESCALATED", "工单超时升级", "ticketNo", "level");
        event("TICKET_RETURNED", "工单被退回", "ticketNo", "operatorName", "reason");
        event("TICKET_COMPLETED", "工单处理完成待回访", "ticketNo", "address");
        event("TICKET_SUPERVISED", "工单督办", "ticketNo", "operatorName", "reason");
        event("TICKET_TRANSFERRED", "工单转派", "ticketNo", "operatorName", "target", "reason");
        event("TICKET_PROGRESS", "督办工单进度上报", "ticketNo", "progress", "operatorName");
        event("APPROVAL_PENDING", "待审批", "approvalNo", "action", "ticketNo", "applicant");
        event("APPROVAL_DECIDED", "审批结果", "approvalNo", "action", "ticketNo", "decision", "reason");
        event("APPROVAL_URGED", "审批催办", "approvalNo", "action", "ticketNo", "operatorName");
        event("APPROVAL_OVERDUE", "审批超时", "approvalNo", "action", "ticketNo");

        SAMPLES.put("ticketNo", "GD2026011500012");
        SAMPLES.put("ticketType", "室温不达标");
        SAMPLES.put("address", "幸福家园3号楼2单元501");
        SAMPLES.put("deadline", "2026-01-15 18:00");
        SAMPLES.put("workerName", "孙师傅");
        SAMPLES.put("operatorName", "李坐席");
        SAMPLES.put("reason", "客户来电再次反映，要求尽快上门");
        SAMPLES.put("level", "二");
        SAMPLES.put("target", "城北热力分公司");
        SAMPLES.put("progress", "已更换入户阀门，正在观察室温");
        SAMPLES.put("approvalNo", "SP2026011500003");
        SAMPLES.put("action", "延时");
        SAMPLES.put("applicant", "赵站长");
        SAMPLES.put("decision", "通过");
    }

    private NoticeEvents() {
    }

    private static void event(String code, String name, String... params) {
        EVENTS.put(code, new EventInfo(code, name, List.of(params)));
    }

    public static EventInfo find(String code) {
        return EVENTS.get(code);
    }

    public static List<EventInfo> all() {
        return List.copyOf(EVENTS.values());
    }

    /** sample values for the preview; unknown names get a readable stand-in */
    public static Map<String, Object> samples(List<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, SAMPLES.getOrDefault(n, "〈" + n + "〉"));
        }
        return out;
    }
}
