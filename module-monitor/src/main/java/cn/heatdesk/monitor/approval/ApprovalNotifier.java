package cn.heatdesk.monitor.approval;

import cn.heatdesk.monitor.api.ApproverLevel;
import cn.heatdesk.notice.api.Notice;
import cn.heatdesk.notice.api.NoticeApi;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Approval notices through the notice outbox (in the caller's transaction). Approvers are looked up when the
 * notice goes out — whoever holds the level's role at its org then — so the notice reaches the people who can
 * actually decide.
 */
@Component
public class ApprovalNotifier {

    public static final String PENDING = "APPROVAL_PENDING";
    public static final String DECIDED = "APPROVAL_DECIDED";
    public static final String URGED = "APPROVAL_URGED";
    public static final String OVERDUE = "APPROVAL_OVERDUE";
    static final String BIZ_TYPE = "APPROVAL";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NoticeApi notices;
    private final UserApi users;

    public ApprovalNotifier(NoticeApi notices, UserApi users) {
        this.notices = notices;
        this.users = users;
    }

    /** the users who may decide the step now (the applicant left out below the group level) */
    public List<Long> approvers(ApprovalStep step, Long applicantId) {
        if (step.getApproverOrgId() == null) {
            return List.of();
        }
        boolean group = ApproverLevel.GROUP.name().equals(step.getApproverLevel());
        return users.usersWithRole(step.getApproverRole(), step.getApproverOrgId(), true).stream()
                .map(UserInfo::id)
                .filter(id -> group || !id.equals(applicantId))
                .toList();
    }

    public void toApprovers(String event, Approval a, ApprovalStep step, String actionLabel, Map<String, Object> extra) {
        List<Long> to = approvers(step, a.getApplicantId());
        if (to.isEmpty()) {
            return;
        }
        Map<String, Object> params = params(a, actionLabel);
        params.put("level", step.getLevelNo());
        params.put("dueAt", step.getDueAt() == null ? "" : step.getDueAt().format(TIME));
        params.putAll(extra);
        notices.send(Notice.of(event, to, BIZ_TYPE, a.getId(), a.getApprovalNo(), params));
    }

    public void toApplicant(Approval a, String actionLabel, String decision, String reason, String decidedBy) {
        Map<String, Object> params = params(a, actionLabel);
        params.put("decision", decision);
        params.put("reason", reason == null ? "" : reason);
        params.put("approver", decidedBy == null ? "" : decidedBy);
        notices.send(Notice.of(DECIDED, List.of(a.getApplicantId()), BIZ_TYPE, a.getId(), a.getApprovalNo(), params));
    }

    private static Map<String, Object> params(Approval a, String actionLabel) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("approvalNo", a.getApprovalNo());
        p.put("action", actionLabel);
        p.put("ticketNo", a.getBizNo() == null ? "" : a.getBizNo());
        p.put("bizNo", a.getBizNo() == null ? "" : a.getBizNo());
        p.put("applicant", a.getApplicantName() == null ? "" : a.getApplicantName());
        p.put("totalLevels", a.getTotalLevels());
        return p;
    }

    static String time(LocalDateTime t) {
        return t == null ? "" : t.format(TIME);
    }
}
