package cn.heatdesk.app.notice;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.app.SseStream;
import cn.heatdesk.notice.api.LivePush;
import cn.heatdesk.notice.api.Notice;
import cn.heatdesk.notice.api.NoticeApi;
import cn.heatdesk.notice.live.LiveHub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The live event stream over real HTTP: authentication, topics, broadcasts, per-user pushes, cleanup. */
class NoticeLiveIT extends AbstractApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired LivePush livePush;
    @Autowired LiveHub hub;
    @Autowired NoticeApi noticeApi;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    String token(String username) {
        ApiClient c = client();
        ApiClient.Reply r = c.login(username, DEMO_PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        return r.data().path("token").asText();
    }

    HttpRequest.Builder stream(String query) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notice/stream" + query))
                .header("Accept", "text/event-stream").GET();
    }

    long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
    }

    @Test
    void unauthorizedStreamIsRefused() throws Exception {
        HttpResponse<String> none = http.send(stream("?topics=ticket").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        HttpResponse<String> bogus = http.send(stream("").header("Authorization", "Bearer not-a-token").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bogus.statusCode()).isEqualTo(401);
        HttpResponse<String> bogusParam = http.send(stream("?token=not-a-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bogusParam.statusCode()).isEqualTo(401);
        // a malformed topic is a validation error, not a stream
        HttpResponse<String> badTopic = http.send(stream("?topics=Ticket!").header("Authorization", "Bearer " + token("agent01"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badTopic.statusCode()).isEqualTo(400);
    }

    @Test
    void streamReceivesBroadcastsAndOwnNoticesOnly() throws Exception {
        long agent = userId("agent01");
        long worker = userId("worker01");
        try (SseStream agentStream = new SseStream(http, stream("?topics=ticket,notice")
                     .header("Authorization", "Bearer " + token("agent01")).build());
             // EventSource style: token in the query
             SseStream workerStream = new SseStream(http, stream("?topics=notice&token=" + token("worker01")).build())) {
            assertThat(agentStream.response.statusCode()).isEqualTo(200);
            assertThat(agentStream.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            String[] ready = agentStream.next("ready", 10);
            assertThat(ready).as("ready event").isNotNull();
            assertThat(JSON.readTree(ready[1]).path("topics").toString()).contains("ticket", "notice");
            assertThat(workerStream.next("ready", 10)).isNotNull();

            String marker = UUID.randomUUID().toString();
            livePush.broadcast("ticket", Map.of("ticketNo", marker, "id", 12345678901234567L));
            String[] ticket = agentStream.next("ticket", 10);
            assertThat(ticket).as("ticket broadcast").isNotNull();
            JsonNode payload = JSON.readTree(ticket[1]);
            assertThat(payload.path("ticketNo").asText()).isEqualTo(marker);
            // the worker did not subscribe to "ticket"
            assertThat(workerStream.next("ticket", 1)).isNull();

            // a notice to the worker reaches the worker's stream after the commit, not the agent's
            String no = "LIVE-" + marker.substring(0, 8);
            noticeApi.send(Notice.of("TICKET_ASSIGNED", List.of(worker), "TICKET", 5L, no,
                    Map.of("ticketNo", no, "ticketType", "漏水", "address", "一号楼", "deadline", "今天")));
            String[] notice = workerStream.next("notice", 10);
            assertThat(notice).as("notice push").isNotNull();
            JsonNode n = JSON.readTree(notice[1]);
            assertThat(n.path("kind").asText()).isEqualTo("MESSAGE");
            assertThat(n.path("message").path("bizNo").asText()).isEqualTo(no);
            assertThat(n.path("message").path("bizId").isTextual()).as("ids travel as strings").isTrue();
            assertThat(agentStream.next("notice", 1)).isNull();

            livePush.toUsers(List.of(agent), "notice", Map.of("kind", "TEST", "marker", marker));
            String[] direct = agentStream.next("notice", 10);
            assertThat(direct).isNotNull();
            assertThat(direct[1]).contains(marker);
            assertThat(hub.openStreams(agent)).isGreaterThanOrEqualTo(1);

            // heartbeat comment
            hub.heartbeat();
            assertThat(agentStream.next("comment", 10)).isNotNull();
        }
        // the client went away: the next writes notice it and the registry forgets the streams
        long deadline = System.currentTimeMillis() + 20_000;
        while (hub.openStreams(worker) > 0 && System.currentTimeMillis() < deadline) {
            hub.heartbeat();
            Thread.sleep(200);
        }
        assertThat(hub.openStreams(worker)).isZero();
    }

    @Test
    void logoutEndsTheStream() throws Exception {
        ApiClient c = client().loggedIn("monitor01", DEMO_PASSWORD);
        ApiClient.Reply login = client().login("monitor01", DEMO_PASSWORD);
        String token = login.data().path("token").asText();
        long user = userId("monitor01");
        try (SseStream s = new SseStream(http, stream("").header("Authorization", "Bearer " + token).build())) {
            assertThat(s.next("ready", 10)).isNotNull();
            int before = hub.openStreams(user);
            ApiClient same = client();
            same.token(token);
            assertThat(same.post("/api/auth/logout", Map.of()).status()).isEqualTo(200);
            hub.heartbeat();
            assertThat(s.next("bye", 10)).as("bye after logout").isNotNull();
            assertThat(hub.openStreams(user)).isLessThan(before);
        }
        assertThat(c.get("/api/notice/messages/unread-count").status()).isEqualTo(200);
    }

    @Test
    void streamsEndWhenTheApplicationStartsClosingSoGracefulShutdownDoesNotWaitForThem() throws Exception {
        String token = token("monitor01");
        try (SseStream s = new SseStream(http, stream("?topics=ticket").header("Authorization", "Bearer " + token).build())) {
            assertThat(s.next("ready", 10)).isNotNull();
            assertThat(hub.openStreams(userId("monitor01"))).isPositive();
            hub.closeStreamsOnShutdown();
            String[] bye = s.next("bye", 10);
            assertThat(bye).isNotNull();
            assertThat(bye[1]).isEqualTo("shutdown");
            assertThat(hub.openStreams(userId("monitor01"))).isZero();
        }
    }
}
