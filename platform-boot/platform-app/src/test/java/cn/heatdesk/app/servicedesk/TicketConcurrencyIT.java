package cn.heatdesk.app.servicedesk;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.servicedesk.ticket.TicketStateMachine;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, correctness under load, at the ticket core: many threads acting on one ticket at the same moment (the
 * row lock queues them, the version decides), and many first tickets of a day for one subsidiary. The HTTP race of
 * two station leads assigning one ticket is the repair module's test. Runs on the database HEATDESK_TEST_DB chooses.
 */
class TicketConcurrencyIT extends AbstractApiIT {

    private static final int THREADS = 8;

    @Autowired
    TicketApi tickets;

    // ------------------------------------------------------------------ one version, many writers

    @Test
    void urgesOnOneVersionFromManyThreadsHaveExactlyOneWinner() throws Exception {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        JsonNode t = create(agent, true);
        long id = t.path("id").asLong();
        int v = t.path("rowVersion").asInt();

        List<ApiClient.Reply> replies = race(THREADS, i -> {
            Map<String, Object> urge = act("URGE", v);
            urge.put("note", "客户第 " + (i + 1) + " 次来电催促");
            return agent.post("/api/servicedesk/tickets/" + id + "/actions", urge);
        });

        assertThat(replies).filteredOn(r -> r.status() == 200).as(replies.toString()).hasSize(1);
        for (ApiClient.Reply r : replies) {
            if (r.status() != 200) {
                assertConflict(r);
            }
        }
        JsonNode d = agent.get("/api/servicedesk/tickets/" + id).data();
        assertThat(d.path("ticket").path("urgeCount").asInt()).isEqualTo(1);
        assertThat(d.path("ticket").path("rowVersion").asInt()).isEqualTo(v + 1);
        List<String> timeline = new ArrayList<>();
        d.path("timeline").forEach(h -> timeline.add(h.path("action").asText()));
        assertThat(timeline).containsExactly("CREATE", "DISPATCH", "URGE");
        assertThat(count("SELECT COUNT(*) FROM sd_ticket_history WHERE ticket_id = ? AND action = 'URGE'", id)).isEqualTo(1);
    }

    @Test
    void differentActionsOnOneVersionHaveExactlyOneWinnerAndTheLosersLeaveNothing() throws Exception {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        ApiClient supervisor = client().loggedIn("monitor01", DEMO_PASSWORD);
        long sub01 = orgId("SUB01");
        long sub02 = orgId("SUB02");
        long st01 = orgId("ST01");
        for (int round = 0; round < 3; round++) {
            JsonNode t = create(agent, false);
            long id = t.path("id").asLong();
            int v = t.path("rowVersion").asInt();
            String title = t.path("title").asText();
            assertThat(t.path("status").asText()).isEqualTo("PENDING_DISPATCH");

            List<String> actions = List.of("DISPATCH", "TRANSFER", "DESK_RESOLVE", "EDIT", "URGE", "NOTE", "SUPERVISE");
            List<ApiClient.Reply> replies = race(actions.size(), i -> {
                Map<String, Object> cmd = act(actions.get(i), v);
                switch (actions.get(i)) {
                    case "DISPATCH" -> cmd.put("stationOrgId", String.valueOf(st01));
                    case "TRANSFER" -> {
                        cmd.put("targetSubsidiaryId", String.valueOf(sub02));
                        cmd.put("reason", "房屋属于城南分公司");
                    }
                    case "DESK_RESOLVE" -> cmd.put("note", "电话指导排气后恢复供热");
                    case "EDIT" -> {
                        cmd.put("fields", Map.of("title", "并发修改的标题"));
                        cmd.put("reason", "补充标题");
                    }
                    case "SUPERVISE" -> cmd.put("reason", "群众反映强烈");
                    default -> cmd.put("note", "并发测试");
                }
                ApiClient who = actions.get(i).equals("SUPERVISE") ? supervisor : agent;
                return who.post("/api/servicedesk/tickets/" + id + "/actions", cmd);
            });

            List<Integer> ok = IntStream.range(0, replies.size()).filter(i -> replies.get(i).status() == 200).boxed().toList();
            assertThat(ok).as(replies.toString()).hasSize(1);
            String winner = actions.get(ok.get(0));
            for (ApiClient.Reply r : replies) {
                if (r.status() != 200) {
                    assertConflict(r);
                }
            }

            List<Map<String, Object>> history = jdbc.queryForList(
                    "SELECT action, from_status, to_status FROM sd_ticket_history WHERE ticket_id = ? ORDER BY id", id);
            assertThat(history).extracting(h -> h.get("action")).containsExactly("CREATE", winner);
            Map<String, Object> row = jdbc.queryForMap("SELECT status, row_version, urge_count, supervised, subsidiary_id,"
                    + " station_org_id, title, handling_result FROM sd_ticket WHERE id = ?", id);
            assertThat(row.get("status")).isEqualTo(history.get(1).get("to_status"));
            assertThat(num(row.get("row_version"))).isEqualTo(v + 1);
            // only the winner's change is in the row
            assertThat(num(row.get("urge_count"))).isEqualTo(winner.equals("URGE") ? 1 : 0);
            assertThat(num(row.get("supervised"))).isEqualTo(winner.equals("SUPERVISE") ? 1 : 0);
            assertThat(num(row.get("subsidiary_id"))).isEqualTo(winner.equals("TRANSFER") ? sub02 : sub01);
            assertThat(row.get("station_org_id") == null ? null : num(row.get("station_org_id")))
                    .isEqualTo(winner.equals("DISPATCH") ? st01 : null);
            assertThat(row.get("title")).isEqualTo(winner.equals("EDIT") ? "并发修改的标题" : title);
            assertThat(row.get("handling_result") != null).isEqualTo(winner.equals("DESK_RESOLVE"));
            assertThat(row.get("status")).isEqualTo(switch (winner) {
                case "DISPATCH" -> "DISPATCHED";
                case "DESK_RESOLVE" -> "COMPLETED";
                default -> "PENDING_DISPATCH";
            });
        }
    }

    // ------------------------------------------------------------------ no version: the row lock serialises

    /**
     * Desk (REST), station (TicketApi) and approved requests (applyApproved, which replays without a version) hit
     * one pending ticket at once, DISPATCH against an approved VOID among them. Whatever order the row lock picks,
     * the timeline must be one unbroken chain of legal transitions holding exactly the actions that succeeded, and
     * the losers must get clear errors — never a version conflict (that would mean two writers read the same row).
     */
    @Test
    void versionlessActionsFromDeskStationAndApprovalsSerialiseOnTheRowLock() throws Exception {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        long st01 = orgId("ST01");
        long sub02 = orgId("SUB02");
        long worker01 = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = 'worker01'", Long.class);
        for (int round = 0; round < 3; round++) {
            long id = create(agent, false).path("id").asLong();
            List<String> actions = List.of("DISPATCH", "TRANSFER", "URGE", "VOID", "CONFIRM", "ASSIGN", "RETURN");
            List<Outcome> outcomes = race(actions.size(), i -> {
                String a = actions.get(i);
                return switch (a) {
                    case "DISPATCH" -> rest(a, agent.post("/api/servicedesk/tickets/" + id + "/actions",
                            Map.of("action", a, "stationOrgId", String.valueOf(st01))));
                    case "TRANSFER" -> rest(a, agent.post("/api/servicedesk/tickets/" + id + "/actions",
                            Map.of("action", a, "targetSubsidiaryId", String.valueOf(sub02), "reason", "房屋属于城南分公司")));
                    case "URGE" -> rest(a, agent.post("/api/servicedesk/tickets/" + id + "/actions",
                            Map.of("action", a, "note", "客户再次来电")));
                    case "VOID" -> call(a, () -> tickets.applyApproved(id, TicketCommand.of(TicketAction.VOID, null, "重复受理"),
                            ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), "审批人甲"));
                    case "CONFIRM" -> call(a, () -> tickets.perform(id, TicketCommand.of(TicketAction.CONFIRM, null, null), TicketOrigin.WEB));
                    case "ASSIGN" -> call(a, () -> tickets.perform(id, new TicketCommand(TicketAction.ASSIGN, null, null, null, null,
                            worker01, null, null, null, null, null, null), TicketOrigin.WEB));
                    default -> call(a, () -> tickets.applyApproved(id, TicketCommand.of(TicketAction.RETURN, null, "不属于本站服务区域"),
                            ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), "审批人乙"));
                };
            });

            for (Outcome o : outcomes) {
                assertThat(o.code()).as("%s", o).isIn("OK", "ILLEGAL_TRANSITION", "VALIDATION");
            }
            List<String> succeeded = outcomes.stream().filter(o -> o.code().equals("OK")).map(Outcome::action).sorted().toList();
            List<Map<String, Object>> history = jdbc.queryForList(
                    "SELECT action, from_status, to_status FROM sd_ticket_history WHERE ticket_id = ? ORDER BY id", id);
            assertThat(history.get(0).get("action")).isEqualTo("CREATE");
            List<Map<String, Object>> steps = history.subList(1, history.size());
            assertThat(steps.stream().map(h -> (String) h.get("action")).sorted().toList()).as("%s", outcomes).isEqualTo(succeeded);
            String status = (String) history.get(0).get("to_status");
            for (Map<String, Object> h : steps) {
                TicketAction a = TicketAction.valueOf((String) h.get("action"));
                assertThat(h.get("from_status")).as("chain at %s in %s", a, history).isEqualTo(status);
                assertThat(TicketStateMachine.next(a, TicketStatus.valueOf(status)).name()).isEqualTo(h.get("to_status"));
                status = (String) h.get("to_status");
            }
            Map<String, Object> row = jdbc.queryForMap("SELECT status, row_version, urge_count FROM sd_ticket WHERE id = ?", id);
            assertThat(row.get("status")).isEqualTo(status);
            assertThat(num(row.get("row_version"))).isEqualTo(succeeded.size());
            assertThat(num(row.get("urge_count"))).isEqualTo(succeeded.contains("URGE") ? 1 : 0);
        }
    }

    record Outcome(String action, String code, String message) {
    }

    private static Outcome rest(String action, ApiClient.Reply r) {
        if (r.status() == 200) {
            return new Outcome(action, "OK", null);
        }
        return new Outcome(action, r.body() == null ? "HTTP " + r.status() : r.code(), r.toString());
    }

    private static Outcome call(String action, Callable<?> c) {
        try {
            c.call();
            return new Outcome(action, "OK", null);
        } catch (BizException e) {
            return new Outcome(action, e.code().name(), e.getMessage());
        } catch (Exception e) {
            return new Outcome(action, e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ ticket numbers

    /**
     * The first tickets of a day for one subsidiary, all at once: nobody has made the day's counter row yet (a new
     * subsidiary each round, so numbers restarting at 00001 cannot meet numbers already given out today).
     */
    @Test
    void theFirstTicketsOfADayForOneSubsidiaryGetUniqueGaplessNumbers() throws Exception {
        ApiClient admin = admin();
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        for (int round = 0; round < 3; round++) {
            String code = "SQ" + (System.nanoTime() % 1_000_000);
            ApiClient.Reply sub = admin.post("/api/settings/orgs", Map.of("parentId", String.valueOf(orgId("DIV-S")),
                    "orgType", "SUBSIDIARY", "orgCode", code, "orgName", "并发测试分公司" + code));
            assertThat(sub.status()).as(sub.toString()).isEqualTo(200);
            long subId = sub.data().path("id").asLong();
            jdbc.update("DELETE FROM sd_ticket_seq WHERE subsidiary_id = ?", subId);

            List<ApiClient.Reply> replies = race(THREADS, i -> {
                Map<String, Object> body = new HashMap<>();
                body.put("ticketType", "INQUIRY");
                body.put("source", "PHONE");
                body.put("urgency", "NORMAL");
                body.put("subsidiaryId", String.valueOf(subId));
                body.put("callerPhone", "1390000" + String.format("%04d", i));
                body.put("content", "咨询供热开始时间（第 " + (i + 1) + " 路）");
                body.put("dispatchNow", false);
                return agent.post("/api/servicedesk/tickets", body);
            });
            for (ApiClient.Reply r : replies) {
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
            List<String> numbers = replies.stream().map(r -> r.data().path("ticket").path("ticketNo").asText()).toList();
            assertThat(new HashSet<>(numbers)).hasSize(THREADS);
            Set<String> days = numbers.stream().map(n -> n.split("-")[1]).collect(Collectors.toSet());
            if (days.size() == 1) {             // not across midnight: 00001 … 00008, nothing skipped
                assertThat(numbers.stream().map(n -> n.substring(n.lastIndexOf('-') + 1)).sorted().toList())
                        .isEqualTo(IntStream.rangeClosed(1, THREADS).mapToObj(n -> String.format("%05d", n)).toList());
                assertThat(count("SELECT last_no FROM sd_ticket_seq WHERE subsidiary_id = ?", subId)).isEqualTo(THREADS);
            }
            assertThat(numbers).allMatch(n -> n.startsWith(code + "-"));
        }
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode create(ApiClient agent, boolean dispatch) {
        long household = jdbc.queryForObject("SELECT MIN(h.id) FROM bi_household h JOIN org_unit o ON o.id = h.subsidiary_id"
                + " WHERE o.org_code = 'SUB01'", Long.class);
        Map<String, Object> body = new HashMap<>();
        body.put("ticketType", "REPAIR");
        body.put("source", "PHONE");
        body.put("urgency", "NORMAL");
        body.put("householdId", String.valueOf(household));
        body.put("callerPhone", "13800138000");
        body.put("content", "暖气片不热（并发测试）");
        body.put("dispatchNow", dispatch);
        body.put("stationOrgId", String.valueOf(orgId("ST01")));
        ApiClient.Reply r = agent.post("/api/servicedesk/tickets", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("ticket");
    }

    private static Map<String, Object> act(String action, int version) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", action);
        m.put("expectedVersion", version);
        return m;
    }

    /** the loser of a version race: 409 CONFLICT with a Chinese message telling to refresh */
    private static void assertConflict(ApiClient.Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.code()).as(r.toString()).isEqualTo("CONFLICT");
        assertThat(r.body().path("msg").asText()).contains("已被他人修改").contains("刷新");
    }

    /** runs n tasks released at the same instant; results in task order */
    private static <T> List<T> race(int n, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier gate = new CyclicBarrier(n);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    gate.await(30, TimeUnit.SECONDS);
                    return task.apply(k);
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private int count(String sql, Object... args) {
        Number n = jdbc.queryForObject(sql, Number.class, args);
        return n == null ? 0 : n.intValue();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
