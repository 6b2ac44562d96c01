package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Asterisk configuration bundle of the demo headquarters gateway (GW-HQ: phones 8001/8002/8101, queues repair,
 * complaint, inquiry) over real HTTP: preview, zip download with its entries rendered from the database, the audit
 * row of the download (it carries secrets), and refusal for an agent without the gateway editing permission.
 */
class AsteriskBundleIT extends AbstractApiIT {

    static final String DEMO_AMI_SECRET = "heatdesk-demo-secret";
    static final List<String> FILES = List.of("manager.conf", "pjsip.conf", "queues.conf", "extensions.conf",
            "features.conf", "musiconhold.conf", "cdr_manager.conf", "README.txt");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private long hq() {
        return jdbc.queryForObject("SELECT id FROM cc_gateway WHERE gateway_code = 'GW-HQ'", Long.class);
    }

    private HttpResponse<byte[]> get(String token, String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void theHeadquartersBundleIsRenderedFromTheDatabaseAndItsDownloadAudited() throws Exception {
        long id = hq();
        ApiClient admin = admin();
        String path = "/api/callcenter/gateways/" + id + "/asterisk-config";

        ApiClient.Reply preview = admin.get(path + "/preview");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode p = preview.data();
        assertThat(p.path("gatewayCode").asText()).isEqualTo("GW-HQ");
        assertThat(p.path("zipName").asText()).isEqualTo("asterisk-GW-HQ.zip");
        assertThat(p.path("files").findValuesAsText("name")).containsExactlyElementsOf(FILES);
        assertThat(p.path("placeholders").toString()).contains("{{TRUNK_HOST}}", "{{OUTBOUND_CALLERID}}");
        assertThat(new String(preview.raw(), StandardCharsets.UTF_8)).doesNotContain(DEMO_AMI_SECRET);

        HttpResponse<byte[]> r = get(admin.token(), path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("asterisk-GW-HQ.zip");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Map<String, String> files = unzip(r.body());
        assertThat(files.keySet()).containsExactlyElementsOf(FILES);
        // the preview's sizes are the bytes of the download
        for (JsonNode f : p.path("files")) {
            assertThat(files.get(f.path("name").asText()).getBytes(StandardCharsets.UTF_8))
                    .as(f.path("name").asText()).hasSize(f.path("size").asInt());
        }

        String manager = files.get("manager.conf");
        assertThat(manager).contains("[heatdesk]\nsecret = " + DEMO_AMI_SECRET + "\n")
                .contains("deny = 0.0.0.0/0.0.0.0\npermit = 127.0.0.1/255.255.255.255\n")
                .contains("eventfilter(action(exclude),name(VarSet),header(Variable),method(regex)) = ^(");
        int amiPort = jdbc.queryForObject("SELECT ami_port FROM cc_gateway WHERE id = ?", Integer.class, id);
        assertThat(manager).contains("port = " + amiPort + "\n");

        String pjsip = files.get("pjsip.conf");
        for (String ext : List.of("8001", "8002", "8101")) {
            assertThat(pjsip).contains("[" + ext + "](heatdesk-phone)\nauth = " + ext + "\naors = " + ext + "\n")
                    .contains("[" + ext + "]\ntype = auth\nauth_type = userpass\nusername = " + ext
                            + "\npassword = Demo#" + ext + "sip\n");
        }
        String queues = files.get("queues.conf");
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT queue_name, wrapup_seconds FROM cc_queue WHERE gateway_id = ? AND enabled = 1", id);
        assertThat(rows).extracting(m -> m.get("queue_name")).contains("repair", "complaint", "inquiry");
        for (Map<String, Object> q : rows) {
            String section = queues.substring(queues.indexOf("\n[" + q.get("queue_name") + "]\n"));
            section = section.substring(0, section.indexOf("\n\n"));
            assertThat(section).contains("\nwrapuptime = " + ((Number) q.get("wrapup_seconds")).intValue() + "\n")
                    .contains("\nringinuse = no\n").contains("\nsetinterfacevar = yes\n");
        }
        assertThat(queues).contains("persistentmembers = no").doesNotContainPattern("(?m)^member");

        int agiPort = jdbc.queryForObject("SELECT agi_port FROM cc_gateway WHERE id = ?", Integer.class, id);
        String agi = "agi://127.0.0.1:" + agiPort + "/";
        assertThat(files.get("extensions.conf"))
                .contains(" same => n,AGI(" + agi + "blacklist)\n")
                .contains("exten => 1,1,NoOp(IVR choice 1 -> repair queue)\n same => n,AGI(" + agi + "ivr?choice=1)\n")
                .contains(" same => n,Set(MIXFILE=/var/spool/asterisk/monitor/${CHANNEL(linkedid)}.wav)\n")
                .contains(" same => n,Queue(repair,tc,,,300," + agi + "agent-connect)\n")
                .contains(" same => n,AGI(" + agi + "survey?q1=${SURVEY_Q1})\n");
        // secrets only where Asterisk needs them
        files.forEach((name, text) -> {
            assertThat(text.contains(DEMO_AMI_SECRET)).as(name).isEqualTo(name.equals("manager.conf"));
            assertThat(text.contains("Demo#8001sip")).as(name).isEqualTo(name.equals("pjsip.conf"));
        });

        assertThat(awaitCount(1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = '下载网关 Asterisk 配置包' AND target = ?"
                + " AND username = 'admin'", "GET " + path)).isPositive();
        List<Map<String, Object>> audit = jdbc.queryForList("SELECT username, audit_result, http_status, detail FROM audit_log"
                + " WHERE audit_action = '下载网关 Asterisk 配置包' AND target = ?", "GET " + path);
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.get("username")).isEqualTo("admin");
            assertThat(a.get("audit_result")).isEqualTo("SUCCESS");
            assertThat(((Number) a.get("http_status")).intValue()).isEqualTo(200);
        });
        assertThat(audit).allSatisfy(a -> assertThat(String.valueOf(a.get("detail"))).doesNotContain(DEMO_AMI_SECRET));
    }

    @Test
    void anAgentCannotDownloadTheBundleAndTheAttemptIsAudited() throws Exception {
        long id = hq();
        String path = "/api/callcenter/gateways/" + id + "/asterisk-config";
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);

        HttpResponse<byte[]> r = get(agent.token(), path);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(DEMO_AMI_SECRET).doesNotContain("[heatdesk]");
        assertThat(agent.get(path + "/preview").status()).isEqualTo(403);
        assertThat(get(null, path).statusCode()).isEqualTo(401);

        Integer refused = awaitCount(1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = '下载网关 Asterisk 配置包'"
                + " AND target = ? AND username = 'agent01' AND audit_result = 'FAILURE' AND http_status = 403",
                "GET " + path);
        assertThat(refused).isEqualTo(1);

        assertThat(admin().get("/api/callcenter/gateways/1/asterisk-config/preview").status()).isEqualTo(404);
    }
}
