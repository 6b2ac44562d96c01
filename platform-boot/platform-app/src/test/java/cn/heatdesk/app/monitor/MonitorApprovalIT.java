package cn.heatdesk.app.monitor;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.monitor.approval.ApprovalOverdueJob;
import cn.heatdesk.monitor.approval.ApprovalService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.heatdesk.app.monitor.MonitorFixtures.approve;
import static cn.heatdesk.app.monitor.MonitorFixtures.dispatchedTicket;
import static cn.heatdesk.app.monitor.MonitorFixtures.householdOf;
import static cn.heatdesk.app.monitor.MonitorFixtures.listed;
import static cn.heatdesk.app.monitor.MonitorFixtures.messages;
import static cn.heatdesk.app.monitor.MonitorFixtures.reject;
import static cn.heatdesk.app.monitor.MonitorFixtures.row;
import static cn.heatdesk.app.monitor.MonitorFixtures.submit;
import static cn.heatdesk.app.monitor.MonitorFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

/** Approvals over real HTTP: chains, levels, decisions, authorisation, the optimistic lock and overdue flags. */
class MonitorApprovalIT extends AbstractApiIT {

    @Autowired
    ApprovalOverdueJob overdueJob;

    @Autowired
    ApprovalService approvals;

    private ApiClient as(String user) {
        return client().loggedIn(user, DEMO_PASSWORD);
    }

    private long st01Household(ApiClient agent) {
        return householdOf(agent, jdbc, orgId("ST01"));
    }

    private static List<String> actions(JsonNode view) {
        List<String> out = new ArrayList<>();
        view.path("timeline").forEach(h -> out.add(h.path("action").asText()));
        return out;
    }

    private static JsonNode last(JsonNode view, String action) {
        JsonNode found = null;
        for (JsonNode h : view.path("timeline")) {
            if (h.path("action").asText().equals(action)) {
                found = h;
            }
        }
        assertThat(found).as("timeline entry " + action).isNotNull();
        return found;
    }

    @Test
    void aDelayGoesThroughTheStationLeadAndTheSubsidiaryAdminAndExtendsTheDeadline() {
        ApiClient agent = as("agent01");
        ApiClient lead = as("lead01");
        ApiClient subAdmin = as("sub01admin");
        JsonNode t = dispatchedTicket(agent, st01Household(agent), "审批延期");
        long id = t.path("id").asLong();
        LocalDateTime deadline = LocalDateTime.parse(t.path("deadline").asText());

        // the service desk refuses a delay without approval and points to the approval
        ApiClient.Reply direct = agent.post("/api/servicedesk/tickets/" + id + "/actions",
                Map.of("action", "DELAY", "expectedVersion", t.path("rowVersion").asInt(), "reason", "用户出差", "extendMinutes", 120));
        assertThat(direct.status()).isEqualTo(409);
        assertThat(direct.code()).isEqualTo("APPROVAL_REQUIRED");

        ApiClient.Reply submitted = submit(agent, id, "DELAY", "用户出差，约定周五上门",
                Map.of("extendMinutes", 120, "expectedVersion", t.path("rowVersion").asInt()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode a = submitted.data().path("approval");
        long approvalId = a.path("id").asLong();
        assertThat(a.path("approvalNo").asText()).matches("SP\\d{8}\\d{4,}");
        assertThat(a.path("status").asText()).isEqualTo("PENDING");
        assertThat(a.path("currentLevel").asInt()).isEqualTo(1);
        assertThat(a.path("totalLevels").asInt()).isEqualTo(2);
        assertThat(a.path("bizNo").asText()).isEqualTo(t.path("ticketNo").asText());
        assertThat(a.path("currentApprover").asText()).contains("维修站负责人").contains("赵站长");
        JsonNode steps = submitted.data().path("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).path("approverLevel").asText()).isEqualTo("STATION");
        assertThat(steps.get(0).path("approverOrgId").asLong()).isEqualTo(orgId("ST01"));
        assertThat(steps.get(0).path("decision").asText()).isEqualTo("PENDING");
        assertThat(steps.get(1).path("approverLevel").asText()).isEqualTo("SUBSIDIARY");
        assertThat(steps.get(1).path("approverOrgId").asLong()).isEqualTo(orgId("SUB01"));
        assertThat(steps.get(1).path("decision").asText()).isEqualTo("WAITING");
        assertThat(submitted.data().path("payload").path("extendMinutes").asInt()).isEqualTo(120);

        JsonNode pendingTicket = ticket(agent, id).path("ticket");
        assertThat(pendingTicket.path("pendingApproval").asText()).isEqualTo("DELAY");
        assertThat(actions(ticket(agent, id))).contains("APPROVAL_REQUESTED");
        assertThat(messages(jdbc, "lead01", "APPROVAL_PENDING", approvalId)).isEqualTo(1);
        assertThat(messages(jdbc, "sub01admin", "APPROVAL_PENDING", approvalId)).isZero();
        // asking twice while one is pending is refused
        assertThat(submit(agent, id, "DELAY", "再次申请", Map.of("extendMinutes", 60)).status()).isEqualTo(409);

        // level 1 belongs to the station lead, not yet to the subsidiary
        assertThat(listed(lead.get("/api/monitor/approvals/pending?size=100").data(), approvalId)).isTrue();
        assertThat(row(lead.get("/api/monitor/approvals/pending?size=100").data(), approvalId).path("canDecide").asBoolean()).isTrue();
        assertThat(listed(subAdmin.get("/api/monitor/approvals/pending?size=100").data(), approvalId)).isFalse();
        assertThat(approve(subAdmin, approvalId, 0, null).status()).isEqualTo(403);

        ApiClient.Reply first = approve(lead, approvalId, 0, "同意延期");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().path("approval").path("status").asText()).isEqualTo("PENDING");
        assertThat(first.data().path("approval").path("currentLevel").asInt()).isEqualTo(2);
        assertThat(first.data().path("steps").get(0).path("decision").asText()).isEqualTo("APPROVED");
        assertThat(first.data().path("steps").get(0).path("decidedByName").asText()).isEqualTo("赵站长");
        assertThat(first.data().path("steps").get(1).path("decision").asText()).isEqualTo("PENDING");
        // nothing happened to the ticket yet
        assertThat(ticket(agent, id).path("ticket").path("deadline").asText()).isEqualTo(t.path("deadline").asText());
        assertThat(messages(jdbc, "sub01admin", "APPROVAL_PENDING", approvalId)).isEqualTo(1);
        assertThat(listed(lead.get("/api/monitor/approvals/pending?size=100").data(), approvalId)).isFalse();
        assertThat(listed(subAdmin.get("/api/monitor/approvals/pending?size=100").data(), approvalId)).isTrue();

        ApiClient.Reply second = approve(subAdmin, approvalId, 1, null);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.data().path("approval").path("status").asText()).isEqualTo("APPROVED");
        assertThat(second.data().path("approval").path("decidedAt").asText()).isNotBlank();

        JsonNode done = ticket(agent, id);
        assertThat(LocalDateTime.parse(done.path("ticket").path("deadline").asText())).isEqualTo(deadline.plusMinutes(120));
        assertThat(done.path("ticket").path("pendingApproval").asText(null)).isNull();
        JsonNode delay = last(done, "DELAY");
        assertThat(delay.path("origin").asText()).isEqualTo("APPROVAL");
        assertThat(delay.path("approvalId").asLong()).isEqualTo(approvalId);
        assertThat(messages(jdbc, "agent01", "APPROVAL_DECIDED", approvalId)).isEqualTo(1);

        // bound to the ticket for good: the applicant's list, the ticket's approvals, the monitor
        JsonNode mine = agent.get("/api/monitor/approvals/mine?status=APPROVED&size=100").data();
        assertThat(row(mine, approvalId).path("statusLabel").asText()).isEqualTo("已通过");
        JsonNode byTicket = agent.get("/api/monitor/approvals/by-biz?bizType=TICKET&bizId=" + id).data();
        assertThat(byTicket).hasSize(1);
        assertThat(byTicket.get(0).path("id").asLong()).isEqualTo(approvalId);
        JsonNode monitor = as("monitor01").get("/api/monitor/approvals?bizNo=" + t.path("ticketNo").asText()).data();
        assertThat(listed(monitor, approvalId)).isTrue();
        // a finished approval cannot be decided again
        assertThat(approve(subAdmin, approvalId, 2, null).status()).isEqualTo(409);
    }

    @Test
    void rejectingNeedsAReasonAndLeavesTheTicketAsItWas() {
        ApiClient agent = as("agent01");
        ApiClient subAdmin = as("sub01admin");
        JsonNode t = dispatchedTicket(agent, st01Household(agent), "审批驳回");
        long id = t.path("id").asLong();
        JsonNode a = submit(agent, id, "VOID", "重复报修", Map.of("expectedVersion", t.path("rowVersion").asInt()))
                .data().path("approval");
        long approvalId = a.path("id").asLong();
        assertThat(a.path("totalLevels").asInt()).isEqualTo(1);

        ApiClient.Reply blank = reject(subAdmin, approvalId, 0, "  ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().path("field").asText()).isEqualTo("reason");
        assertThat(blank.body().path("msg").asText()).contains("原因");

        ApiClient.Reply rejected = reject(subAdmin, approvalId, 0, "并非重复工单，请继续处理");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.data().path("approval").path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.data().path("steps").get(0).path("decisionReason").asText()).isEqualTo("并非重复工单，请继续处理");

        JsonNode after = ticket(agent, id);
        assertThat(after.path("ticket").path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(after.path("ticket").path("pendingApproval").asText(null)).isNull();
        JsonNode entry = last(after, "APPROVAL_REJECTED");
        assertThat(entry.path("reason").asText()).isEqualTo("并非重复工单，请继续处理");
        assertThat(entry.path("approvalId").asLong()).isEqualTo(approvalId);
        assertThat(actions(after)).doesNotContain("VOID");
        assertThat(messages(jdbc, "agent01", "APPROVAL_DECIDED", approvalId)).isEqualTo(1);

        // released: the applicant may ask again, and withdraw while it is pending
        ApiClient.Reply again = submit(agent, id, "VOID", "用户确认取消报修",
                Map.of("expectedVersion", after.path("ticket").path("rowVersion").asInt()));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        long second = again.data().path("approval").path("id").asLong();
        assertThat(agent.post("/api/monitor/approvals/" + second + "/withdraw", Map.of("reason", "用户改变主意")).status())
                .isEqualTo(200);
        assertThat(ticket(agent, id).path("ticket").path("pendingApproval").asText(null)).isNull();
        assertThat(agent.get("/api/monitor/approvals/" + second).data().path("approval").path("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void onlyTheApproversOfTheCurrentLevelMayDecide() {
        ApiClient agent = as("agent01");
        JsonNode t = dispatchedTicket(agent, st01Household(agent), "审批越权");
        long approvalId = submit(agent, t.path("id").asLong(), "CANCEL", "用户撤销报修",
                Map.of("expectedVersion", t.path("rowVersion").asInt())).data().path("approval").path("id").asLong();

        ApiClient.Reply otherLead = approve(as("lead02"), approvalId, 0, null);
        assertThat(otherLead.status()).isEqualTo(403);
        assertThat(otherLead.code()).isEqualTo("FORBIDDEN");
        assertThat(otherLead.body().path("msg").asText()).contains("维修站负责人");
        assertThat(approve(as("monitor01"), approvalId, 0, null).status()).isEqualTo(403);
        assertThat(reject(as("sub01admin"), approvalId, 0, "越级驳回").status()).isEqualTo(403);
        ApiClient.Reply own = approve(agent, approvalId, 0, null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body().path("msg").asText()).contains("本人");
        // no permission for approvals at all
        assertThat(approve(as("worker01"), approvalId, 0, null).status()).isEqualTo(403);
        // only the applicant withdraws
        assertThat(as("lead01").post("/api/monitor/approvals/" + approvalId + "/withdraw", Map.of()).status()).isEqualTo(403);

        assertThat(agent.get("/api/monitor/approvals/" + approvalId).data().path("approval").path("status").asText())
                .isEqualTo("PENDING");
        assertThat(approve(as("lead01"), approvalId, 0, "同意取消").data().path("approval").path("status").asText())
                .isEqualTo("APPROVED");
        assertThat(ticket(agent, t.path("id").asLong()).path("ticket").path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void twoApproversDecidingAtOnceYieldOneWinner() throws Exception {
        ApiClient agent = as("agent01");
        JsonNode t = dispatchedTicket(agent, st01Household(agent), "审批并发");
        long id = t.path("id").asLong();
        long approvalId = submit(agent, id, "DELAY", "等待配件",
                Map.of("extendMinutes", 60, "expectedVersion", t.path("rowVersion").asInt())).data().path("approval").path("id").asLong();
        assertThat(approve(as("lead01"), approvalId, 0, null).status()).isEqualTo(200);

        // level 2: the subsidiary admin and the group admin (who may decide anything) press at the same moment
        List<ApiClient> deciders = List.of(as("sub01admin"), admin());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiClient.Reply>> fs = new ArrayList<>();
            for (ApiClient c : deciders) {
                fs.add(pool.submit(() -> {
                    start.await();
                    return approve(c, approvalId, 1, null);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Reply> f : fs) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode view = ticket(agent, id);
        assertThat(actions(view).stream().filter("DELAY"::equals).count()).isEqualTo(1);
        assertThat(LocalDateTime.parse(view.path("ticket").path("deadline").asText()))
                .isEqualTo(LocalDateTime.parse(t.path("deadline").asText()).plusMinutes(60));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mo_approval_step WHERE approval_id = ? AND decision = 'APPROVED'",
                Integer.class, approvalId)).isEqualTo(2);
    }

    @Test
    void anOverdueApprovalIsFlaggedOnceShownRedAndCanBeUrged() {
        ApiClient agent = as("agent01");
        JsonNode t = dispatchedTicket(agent, st01Household(agent), "审批超时");
        long approvalId = submit(agent, t.path("id").asLong(), "CANCEL", "用户已自行修好",
                Map.of("expectedVersion", t.path("rowVersion").asInt())).data().path("approval").path("id").asLong();
        ApiClient monitor = as("monitor01");
        assertThat(row(monitor.get("/api/monitor/approvals?status=PENDING&size=100").data(), approvalId)
                .path("overdue").asBoolean()).isFalse();

        LocalDateTime past = LocalDateTime.now().minusMinutes(30);
        jdbc.update("UPDATE mo_approval SET current_due_at = ? WHERE id = ?", past, approvalId);
        jdbc.update("UPDATE mo_approval_step SET due_at = ? WHERE approval_id = ? AND level_no = 1", past, approvalId);
        // the scheduled job (ShedLock'd) and a second run, e.g. on another instance: flagged and notified once
        overdueJob.scan();
        approvals.flagOverdue(LocalDateTime.now());
        approvals.flagOverdue(LocalDateTime.now());
        assertThat(jdbc.queryForObject("SELECT overdue_level FROM mo_approval WHERE id = ?", Integer.class, approvalId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT overdue_flag FROM mo_approval_step WHERE approval_id = ? AND level_no = 1",
                Integer.class, approvalId)).isEqualTo(1);
        assertThat(messages(jdbc, "lead01", "APPROVAL_OVERDUE", approvalId)).isEqualTo(1);

        JsonNode overdue = monitor.get("/api/monitor/approvals?overdue=true&size=100").data();
        assertThat(row(overdue, approvalId).path("overdue").asBoolean()).isTrue();
        assertThat(listed(monitor.get("/api/monitor/approvals?overdue=false&size=100").data(), approvalId)).isFalse();
        JsonNode detail = agent.get("/api/monitor/approvals/" + approvalId).data();
        assertThat(detail.path("steps").get(0).path("overdue").asBoolean()).isTrue();

        ApiClient.Reply urged = agent.post("/api/monitor/approvals/" + approvalId + "/urge", Map.of());
        assertThat(urged.status()).as(urged.toString()).isEqualTo(200);
        assertThat(urged.data().path("approval").path("urgeCount").asInt()).isEqualTo(1);
        assertThat(messages(jdbc, "lead01", "APPROVAL_URGED", approvalId)).isEqualTo(1);
        assertThat(agent.post("/api/monitor/approvals/" + approvalId + "/urge", Map.of()).status()).isEqualTo(409);
        assertThat(as("lead02").post("/api/monitor/approvals/" + approvalId + "/urge", Map.of()).status()).isIn(403, 404);

        // deciding moves on: the decided level keeps its overdue mark, the approval is no longer overdue
        approve(as("lead01"), approvalId, 0, null);
        JsonNode decided = agent.get("/api/monitor/approvals/" + approvalId).data();
        assertThat(decided.path("approval").path("overdue").asBoolean()).isFalse();
        assertThat(decided.path("steps").get(0).path("overdue").asBoolean()).isTrue();
    }

    @Test
    void chainsAreDataASubsidiaryOverrideWinsAndEveryChangeIsAudited() {
        ApiClient admin = admin();
        JsonNode chains = admin.get("/api/monitor/approval-chains?bizType=TICKET").data();
        List<String> seeded = new ArrayList<>();
        chains.forEach(c -> {
            if (c.path("scopeOrgId").isNull()) {
                seeded.add(c.path("action").asText() + ":" + c.path("steps").size());
            }
        });
        assertThat(seeded).contains("DELAY:2", "RETURN:1", "VOID:1", "CANCEL:1", "CLOSE_WITHOUT_VISIT:1")
                .noneMatch(s -> s.startsWith("SECOND_DISPATCH"));
        assertThat(as("sub01admin").get("/api/monitor/approval-chains").status()).isEqualTo(403);
        assertThat(as("monitor01").get("/api/monitor/approval-chains").status()).isEqualTo(403);

        long sub01 = orgId("SUB01");
        Map<String, Object> bad = Map.of("bizType", "TICKET", "action", "RETURN", "scopeOrgId", String.valueOf(sub01),
                "steps", List.of(Map.of("approverLevel", "GROUP"), Map.of("approverLevel", "STATION")));
        ApiClient.Reply refused = admin.post("/api/monitor/approval-chains", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("steps");
        assertThat(admin.post("/api/monitor/approval-chains", Map.of("bizType", "TICKET", "action", "ASSIGN",
                "steps", List.of(Map.of("approverLevel", "GROUP")))).status()).isEqualTo(400);

        Map<String, Object> override = Map.of("bizType", "TICKET", "action", "RETURN", "scopeOrgId", String.valueOf(sub01),
                "chainName", "城北退回两级审批",
                "steps", List.of(Map.of("approverLevel", "SUBSIDIARY", "timeoutMinutes", 60),
                        Map.of("approverLevel", "GROUP", "timeoutMinutes", 120)));
        ApiClient.Reply created = admin.post("/api/monitor/approval-chains", override);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long chainId = created.data().path("id").asLong();
        assertThat(created.data().path("scopeName").asText()).isEqualTo("城北热力分公司");
        assertThat(admin.post("/api/monitor/approval-chains", override).status()).isEqualTo(409);
        try {
            ApiClient agent = as("agent01");
            JsonNode t = dispatchedTicket(agent, st01Household(agent), "审批流程覆盖");
            ApiClient.Reply r = submit(agent, t.path("id").asLong(), "RETURN", "地址不在本站服务区",
                    Map.of("expectedVersion", t.path("rowVersion").asInt()));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.data().path("steps")).hasSize(2);
            assertThat(r.data().path("steps").get(1).path("approverLevel").asText()).isEqualTo("GROUP");
            long approvalId = r.data().path("approval").path("id").asLong();
            assertThat(agent.post("/api/monitor/approvals/" + approvalId + "/withdraw", Map.of()).status()).isEqualTo(200);

            // edit: one level only; running approvals keep their levels, new ones use the new chain
            int v = created.data().path("rowVersion").asInt();
            ApiClient.Reply updated = admin.put("/api/monitor/approval-chains/" + chainId, Map.of("chainName", "城北退回一级审批",
                    "steps", List.of(Map.of("approverLevel", "SUBSIDIARY", "timeoutMinutes", 30)), "rowVersion", v));
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(updated.data().path("steps")).hasSize(1);
            assertThat(admin.put("/api/monitor/approval-chains/" + chainId, Map.of("chainName", "x",
                    "steps", List.of(Map.of("approverLevel", "GROUP")), "rowVersion", v)).status()).isEqualTo(409);
            JsonNode t2 = ticket(agent, t.path("id").asLong()).path("ticket");
            ApiClient.Reply r2 = submit(agent, t.path("id").asLong(), "RETURN", "地址不在本站服务区",
                    Map.of("expectedVersion", t2.path("rowVersion").asInt()));
            assertThat(r2.data().path("steps")).hasSize(1);
            assertThat(r2.data().path("steps").get(0).path("timeoutMinutes").asInt()).isEqualTo(30);
            agent.post("/api/monitor/approvals/" + r2.data().path("approval").path("id").asLong() + "/withdraw", Map.of());
        } finally {
            int v = admin.get("/api/monitor/approval-chains/" + chainId).data().path("rowVersion").asInt();
            assertThat(admin.post("/api/monitor/approval-chains/" + chainId + "/disable", Map.of("rowVersion", v)).status())
                    .isEqualTo(200);
        }
        // the group default of close-without-visit cannot be switched off
        long cwv = -1;
        for (JsonNode c : chains) {
            if (c.path("action").asText().equals("CLOSE_WITHOUT_VISIT") && c.path("scopeOrgId").isNull()) {
                cwv = c.path("id").asLong();
            }
        }
        assertThat(admin.post("/api/monitor/approval-chains/" + cwv + "/disable", Map.of("rowVersion", 0)).status()).isEqualTo(409);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action IN ('新增审批流程', '修改审批流程', '停用审批流程')",
                Integer.class)).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '修改审批流程（变更前后）' AND detail LIKE ?",
                Integer.class, "%城北退回两级审批%城北退回一级审批%")).isEqualTo(1);
    }
}
