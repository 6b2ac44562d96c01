package cn.heatdesk.app.repair;

import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two leads assigning the same ticket at the same moment with the same row version: real threads, real HTTP, two
 * sessions, released together by a barrier. Exactly one assignment wins; the other gets a 409 with a Chinese
 * message, and the ticket holds the winner's worker with one assignment in its timeline. Several rounds, so the
 * requests really overlap in the database (run with HEATDESK_TEST_DB=postgresql for PostgreSQL).
 */
class ConcurrentAssignIT extends RepairIT {

    static final int ROUNDS = 8;

    @Test
    void exactlyOneOfTwoConcurrentAssignmentsWins() throws Exception {
        ApiClient agent = agent();
        ApiClient first = lead("lead01");
        ApiClient second = lead("lead01");
        long worker01 = userId("worker01");
        long worker02 = userId("worker02");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                JsonNode t = dispatchedTicket(agent, "REPAIR", "ST01");
                long id = t.path("id").asLong();
                JsonNode confirmed = ok(first, id, act("CONFIRM", t.path("rowVersion").asInt()));
                int seen = confirmed.path("rowVersion").asInt();

                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ApiClient.Reply>> replies = new ArrayList<>();
                for (Object[] who : new Object[][]{{first, worker01}, {second, worker02}}) {
                    replies.add(pool.submit(() -> {
                        Map<String, Object> assign = act("ASSIGN", seen);
                        assign.put("workerId", String.valueOf(who[1]));
                        start.await(10, TimeUnit.SECONDS);
                        return perform((ApiClient) who[0], id, assign);
                    }));
                }
                ApiClient.Reply a = replies.get(0).get(60, TimeUnit.SECONDS);
                ApiClient.Reply b = replies.get(1).get(60, TimeUnit.SECONDS);

                List<ApiClient.Reply> won = new ArrayList<>();
                List<ApiClient.Reply> lost = new ArrayList<>();
                for (ApiClient.Reply r : List.of(a, b)) {
                    (r.status() == 200 ? won : lost).add(r);
                }
                assertThat(won).as("round %d: %s | %s", round, a, b).hasSize(1);
                assertThat(lost).hasSize(1);
                ApiClient.Reply loser = lost.get(0);
                assertThat(loser.status()).as(loser.toString()).isEqualTo(409);
                assertThat(loser.code()).isEqualTo("CONFLICT");
                assertThat(loser.body().path("msg").asText()).contains("工单已被他人修改").contains("请刷新后重试");

                long winnerWorker = won.get(0) == a ? worker01 : worker02;
                JsonNode detail = first.get("/api/servicedesk/tickets/" + id).data();
                assertThat(detail.path("ticket").path("status").asText()).isEqualTo("ASSIGNED");
                assertThat(detail.path("ticket").path("workerId").asLong()).isEqualTo(winnerWorker);
                assertThat(detail.path("ticket").path("rowVersion").asInt()).isEqualTo(seen + 1);
                assertThat(actions(detail).stream().filter("ASSIGN"::equals).count()).isEqualTo(1);

                // the ticket is handled at once so the workers' load does not pile up across the suite
                Map<String, Object> done = act("COMPLETE", seen + 1);
                done.put("fields", Map.of("handlingResult", "并发测试：已处理"));
                ok(first, id, done);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
