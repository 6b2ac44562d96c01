package cn.heatdesk.callcenter.bundle;

import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.heatdesk.callcenter.bundle.AsteriskConfigRenderer.EXTENSIONS;
import static cn.heatdesk.callcenter.bundle.AsteriskConfigRenderer.MANAGER;
import static cn.heatdesk.callcenter.bundle.AsteriskConfigRenderer.PJSIP;
import static cn.heatdesk.callcenter.bundle.AsteriskConfigRenderer.QUEUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rendered files of a station gateway with three phones and three skill queues, line by line. */
class AsteriskConfigRendererTest {

    static final String AMI_SECRET = "ami;Secret#4711";
    static final Map<String, String> SIP = new LinkedHashMap<>(Map.of(
            "8001", "sip-Secret-8001-xyz", "8002", "sip;Secret;8002", "8101", "sip-Secret-8101-abc"));

    static BundleInput input() {
        List<BundleInput.PhoneEntry> phones = new ArrayList<>();
        phones.add(new BundleInput.PhoneEntry("8001", "8001", SIP.get("8001"), "坐席话机 1"));
        phones.add(new BundleInput.PhoneEntry("8002", "st01-8002", SIP.get("8002"), null));
        phones.add(new BundleInput.PhoneEntry("8101", "8101", SIP.get("8101"), "班长话机"));
        List<BundleInput.QueueEntry> queues = List.of(
                new BundleInput.QueueEntry("repair", "报修队列", "REPAIR", "报修", "rrmemory", 8, 5, 120),
                new BundleInput.QueueEntry("complaint", "投诉队列", "COMPLAINT", "投诉", "ringall", 15, 30, 300),
                new BundleInput.QueueEntry("inquiry", "咨询队列", "INQUIRY", "咨询", "leastrecent", null, null, null));
        return new BundleInput("GW-ST01", "一站网关", "站部网关", "第一维修站", 5038, "heatdesk", AMI_SECRET,
                "10.20.30.40", 4573, "/data/recordings/", List.of(), phones, queues,
                List.of("分机 8009 已停用，未写入 pjsip.conf（该话机无法注册）"), LocalDateTime.of(2026, 11, 21, 12, 0));
    }

    static AsteriskBundle render(BundleInput in) {
        return new AsteriskConfigRenderer().render(in);
    }

    @Test
    void everyFileIsAsteriskConfigSyntax() {
        AsteriskBundle b = render(input());
        assertThat(b.files().keySet()).containsExactly("manager.conf", "pjsip.conf", "queues.conf", "extensions.conf",
                "features.conf", "musiconhold.conf", "cdr_manager.conf", "README.txt");
        b.files().forEach((name, text) -> {
            if (name.endsWith(".conf")) {
                ConfFile f = ConfFile.parse(text);
                assertThat(f.sections).as(name).isNotEmpty();
                assertThat(text).as(name).startsWith("; HeatDesk 为网关 GW-ST01");
            }
        });
        // every dialplan line is an application call with balanced parentheses, priorities numbered from 1
        Dialplan.of(ConfFile.parse(b.files().get(EXTENSIONS)));
    }

    @Test
    void everyPhoneIsAnEndpointWithAuthAndAor() {
        ConfFile f = ConfFile.parse(render(input()).files().get(PJSIP));
        for (String endpoint : List.of("8001", "st01-8002", "8101")) {
            ConfFile.Section ep = f.typed(endpoint, "endpoint");
            assertThat(ep.template()).isEqualTo("heatdesk-phone");
            assertThat(ep.value("auth")).isEqualTo(endpoint);
            assertThat(ep.value("aors")).isEqualTo(endpoint);
            assertThat(f.effective(ep, "context")).isEqualTo("agents");
            assertThat(f.effective(ep, "allow")).isEqualTo("alaw,ulaw,g722");
            assertThat(f.effective(ep, "disallow")).isEqualTo("all");
            ConfFile.Section auth = f.typed(endpoint, "auth");
            assertThat(auth.value("auth_type")).isEqualTo("userpass");
            assertThat(auth.value("username")).isEqualTo(endpoint);
            ConfFile.Section aor = f.typed(endpoint, "aor");
            assertThat(f.effective(aor, "max_contacts")).isEqualTo("1");
        }
        // the secret as Asterisk reads it (';' escaped in the file)
        assertThat(f.typed("8001", "auth").value("password")).isEqualTo(SIP.get("8001"));
        assertThat(f.typed("st01-8002", "auth").value("password")).isEqualTo("sip;Secret;8002");
        assertThat(render(input()).files().get(PJSIP)).contains("password = sip\\;Secret\\;8002\n");
        assertThat(f.typed("st01-8002", "endpoint").value("callerid")).isEqualTo("\"8002\" <8002>");
        // trunk template with placeholders, identified by IP, caller number from P-Asserted-Identity
        ConfFile.Section trunk = f.typed("trunk", "endpoint");
        assertThat(trunk.value("context")).isEqualTo("from-trunk");
        assertThat(trunk.value("trust_id_inbound")).isEqualTo("yes");
        assertThat(f.typed("trunk", "identify").value("match")).isEqualTo("{{TRUNK_HOST}}");
        assertThat(f.typed("trunk", "aor").value("contact")).isEqualTo("sip:{{TRUNK_HOST}}:{{TRUNK_PORT}}");
        assertThat(f.typed("trunk-auth", "auth").value("password")).isEqualTo("{{TRUNK_PASSWORD}}");
        assertThat(f.typed("transport-udp", "transport").value("bind")).isEqualTo("0.0.0.0:5060");
        // endpoints: exactly the three phones and the trunk
        assertThat(f.sections.stream().filter(s -> "endpoint".equals(f.typeOf(s)) && !s.isTemplate()).map(ConfFile.Section::name))
                .containsExactly("8001", "st01-8002", "8101", "trunk");
    }

    @Test
    void everyQueueHasItsWrapUpAndNoStaticMembers() {
        String text = render(input()).files().get(QUEUES);
        ConfFile f = ConfFile.parse(text);
        ConfFile.Section general = f.one("general");
        assertThat(general.value("persistentmembers")).isEqualTo("no");
        Map<String, String[]> expected = Map.of(
                "repair", new String[]{"rrmemory", "8", "5"},
                "complaint", new String[]{"ringall", "15", "30"},
                "inquiry", new String[]{"leastrecent", "15", "0"});
        expected.forEach((name, v) -> {
            ConfFile.Section q = f.one(name);
            assertThat(q.value("strategy")).isEqualTo(v[0]);
            assertThat(q.value("timeout")).isEqualTo(v[1]);
            assertThat(q.value("wrapuptime")).as(name).isEqualTo(v[2]);
            assertThat(q.value("ringinuse")).isEqualTo("no");
            assertThat(q.value("setinterfacevar")).isEqualTo("yes");
            assertThat(q.value("autopause")).isEqualTo("no");
        });
        assertThat(f.sections).extracting(ConfFile.Section::name).containsExactly("general", "repair", "complaint", "inquiry");
        assertThat(f.sections).allSatisfy(s -> assertThat(s.values("member")).isEmpty());
        assertThat(text).doesNotContainPattern("(?m)^\\s*member\\s*=>?");
    }

    @Test
    void theDialplanCallsHeatDesksFastAgiAndRecordsByLinkedid() {
        String text = render(input()).files().get(EXTENSIONS);
        Dialplan d = Dialplan.of(ConfFile.parse(text));
        String agi = "agi://10.20.30.40:4573/";
        Set<String> urls = new LinkedHashSet<>();
        Matcher m = Pattern.compile("agi://[^,)]+").matcher(text);
        while (m.find()) {
            urls.add(m.group());
        }
        assertThat(urls).containsExactlyInAnyOrder(agi + "blacklist", agi + "ivr?choice=1", agi + "ivr?choice=2",
                agi + "ivr?choice=3", agi + "agent-connect", agi + "survey?q1=${SURVEY_Q1}");

        List<Dialplan.Step> s = d.steps("inbound-ivr", "s");
        assertThat(s).extracting(Dialplan.Step::app).startsWith("NoOp", "Answer", "AGI", "GotoIf", "Set", "Set",
                "BackGround", "WaitExten");
        assertThat(s.get(2).data()).isEqualTo(agi + "blacklist");
        assertThat(d.target(s.get(3), "blocked").app()).isEqualTo("Playback");

        // keys 1..3 = the queues in the given (skill) order, 4 = leave a message
        String[][] keys = {{"1", "repair", "120"}, {"2", "complaint", "300"}, {"3", "inquiry", ""}};
        for (String[] k : keys) {
            List<Dialplan.Step> st = d.steps("inbound-ivr", k[0]);
            assertThat(st).extracting(Dialplan.Step::app).containsExactly("NoOp", "AGI", "Set", "Set", "MixMonitor",
                    "Queue", "NoOp", "Goto");
            assertThat(st.get(1).data()).isEqualTo(agi + "ivr?choice=" + k[0]);
            assertThat(st.get(3).data()).isEqualTo("MIXFILE=/data/recordings/${CHANNEL(linkedid)}.wav");
            assertThat(st.get(4).data()).isEqualTo("${MIXFILE},b");
            assertThat(st.get(5).data()).isEqualTo(k[1] + ",tc,,," + k[2] + "," + agi + "agent-connect");
            assertThat(st.get(7).data()).isEqualTo(
                    "${IF($[\"${QUEUESTATUS}\" = \"CONTINUE\"]?survey,s,1:inbound-ivr,4,1)}");
        }
        assertThat(d.steps("inbound-ivr", "4")).extracting(Dialplan.Step::app).containsExactly("NoOp", "Set", "Record", "Hangup");
        assertThat(d.steps("inbound-ivr", "4").get(2).data()).isEqualTo("/data/recordings/message-${CHANNEL(linkedid)}.wav,3,60,k");

        // other legs record through the guarded subroutine, named <linkedid>[-<uniqueid>] in the same directory
        List<Dialplan.Step> rec = d.steps("heatdesk-record", "s");
        assertThat(rec).extracting(Dialplan.Step::app).containsExactly("GotoIf", "Set", "MixMonitor", "Return");
        assertThat(rec.get(0).data()).isEqualTo("$[\"${MIXMONITOR_FILENAME}\" != \"\"]?done");
        assertThat(rec.get(1).data()).startsWith("MIXFILE=/data/recordings/${CHANNEL(linkedid)}");
        assertThat(d.steps("heatdesk-phones", "8002")).extracting(Dialplan.Step::data)
                .contains("heatdesk-record,s,1", "PJSIP/st01-8002,30,tT");
        assertThat(d.steps("heatdesk-outside", "_X.")).extracting(Dialplan.Step::data)
                .contains("CALLERID(num)={{OUTBOUND_CALLERID}}", "heatdesk-record,s,1", "PJSIP/${EXTEN}@trunk,60,T");
    }

    @Test
    void theCtiContextsReachEveryPhoneAndQueue() {
        Dialplan d = Dialplan.of(ConfFile.parse(render(input()).files().get(EXTENSIONS)));
        assertThat(d.includes.get("agents")).containsExactly("heatdesk-phones");
        assertThat(d.contexts.get("agents")).isEmpty();
        for (String ext : List.of("8001", "8002", "8101")) {
            assertThat(d.steps("click-to-dial", ext).get(0).data()).isEqualTo("heatdesk-phones," + ext + ",1");
            assertThat(d.steps("transfer-targets", ext).get(0).data()).isEqualTo("heatdesk-phones," + ext + ",1");
        }
        assertThat(d.steps("supervisor", DialplanNames.listenExten("8002")).get(0).data()).isEqualTo("PJSIP/st01-8002-,qE");
        assertThat(d.steps("supervisor", DialplanNames.whisperExten("8001")).get(0).data()).isEqualTo("PJSIP/8001-,qEw");
        assertThat(d.steps("supervisor", DialplanNames.bargeExten("8101")).get(0).data()).isEqualTo("PJSIP/8101-,qEB");
        for (String q : List.of("repair", "complaint", "inquiry")) {
            List<Dialplan.Step> st = d.steps("transfer-targets", q);
            assertThat(st).extracting(Dialplan.Step::app).containsExactly("NoOp", "Gosub", "Queue", "Hangup");
            assertThat(st.get(2).data()).startsWith(q + ",tc,,,");
        }
        // the supervisor's 优先: the same queue again, with a higher QUEUE_PRIO
        for (String q : List.of("repair", "complaint", "inquiry")) {
            List<Dialplan.Step> st = d.steps(DialplanNames.SUPERVISOR_QUEUE, q);
            assertThat(st).extracting(Dialplan.Step::app).containsExactly("Set", "Queue", "Hangup");
            assertThat(st.get(0).data()).isEqualTo("QUEUE_PRIO=" + DialplanNames.SUPERVISOR_PRIORITY);
            assertThat(st.get(1).data()).startsWith(q + ",tc,,,");
        }
        assertThat(d.steps("click-to-dial", "_X.").get(1).data()).isEqualTo("heatdesk-outside,${EXTEN},1");
        assertThat(d.steps("transfer-targets", "_X.").get(0).data()).isEqualTo("heatdesk-outside,${EXTEN},1");
        assertThat(d.steps("cti-hold", "s")).extracting(Dialplan.Step::app).containsExactly("MusicOnHold", "Hangup");
        assertThat(d.steps("cti-hold", "s").get(0).data()).isEqualTo("default");
        assertThat(d.steps("cti-hold-agent", "s")).extracting(Dialplan.Step::app).containsExactly("Wait", "Hangup");
        // every literal Goto/Gosub/GotoIf target exists
        d.contexts.values().forEach(exts -> exts.values().forEach(steps -> steps.forEach(st -> {
            if ((st.app().equals("Goto") || st.app().equals("Gosub")) && !st.data().contains("${")) {
                d.target(st, st.data());
            }
            if (st.app().equals("GotoIf")) {
                d.target(st, st.data().substring(st.data().indexOf('?') + 1));
            }
        })));
        d.target(d.steps("inbound-ivr", "1").get(0), "survey,s,1");
        d.target(d.steps("inbound-ivr", "1").get(0), "inbound-ivr,4,1");
    }

    @Test
    void managerConfHasTheAmiUserRestrictedToHeatDesk() {
        String text = render(input()).files().get(MANAGER);
        ConfFile f = ConfFile.parse(text);
        ConfFile.Section g = f.one("general");
        assertThat(g.value("enabled")).isEqualTo("yes");
        assertThat(g.value("port")).isEqualTo("5038");
        assertThat(g.value("allowmultiplelogin")).isEqualTo("yes");
        ConfFile.Section u = f.one("heatdesk");
        assertThat(u.value("secret")).isEqualTo(AMI_SECRET);
        assertThat(text).contains("secret = ami\\;Secret#4711\n");
        assertThat(u.values("deny")).containsExactly("0.0.0.0/0.0.0.0");
        assertThat(u.values("permit")).containsExactly("10.20.30.40/255.255.255.255");
        assertThat(u.value("read")).isEqualTo("system,call,agent,dialplan,cdr");
        assertThat(u.value("write")).isEqualTo("system,call,agent,originate,reporting");
        assertThat(u.value("write")).doesNotContain("command");
        assertThat(u.values("eventfilter(action(exclude),name(Newexten))")).containsExactly("");
        assertThat(u.values("eventfilter(action(exclude),name(VarSet),header(Variable),method(regex))"))
                .containsExactly(AmiEventFilter.droppedVariablesRegex());

        // configured HeatDesk addresses replace the AGI host; a host name cannot be an ACL and becomes a placeholder
        BundleInput in = input();
        BundleInput two = new BundleInput(in.gatewayCode(), in.gatewayName(), in.kindLabel(), in.stationName(), in.amiPort(),
                in.amiUsername(), in.amiSecret(), in.agiHost(), in.agiPort(), in.recordingDir(),
                List.of("10.0.0.5", "10.0.1.0/24", "heatdesk.example"), in.phones(), in.queues(), in.omitted(), in.generatedAt());
        assertThat(ConfFile.parse(render(two).files().get(MANAGER)).one("heatdesk").values("permit"))
                .containsExactly("10.0.0.5/255.255.255.255", "10.0.1.0/24");
        BundleInput named = new BundleInput(in.gatewayCode(), in.gatewayName(), in.kindLabel(), in.stationName(), in.amiPort(),
                in.amiUsername(), in.amiSecret(), "heatdesk.example", in.agiPort(), in.recordingDir(), List.of(),
                in.phones(), in.queues(), in.omitted(), in.generatedAt());
        AsteriskBundle nb = render(named);
        assertThat(ConfFile.parse(nb.files().get(MANAGER)).one("heatdesk").values("permit"))
                .containsExactly("{{HEATDESK_IP}}/255.255.255.255");
        assertThat(nb.placeholders()).contains("{{HEATDESK_IP}}");
        assertThat(nb.files().get(EXTENSIONS)).contains("AGI(agi://heatdesk.example:4573/blacklist)");
    }

    @Test
    void secretsAppearOnlyWhereAsteriskNeedsThem() {
        AsteriskBundle b = render(input());
        Map<String, String> secretHome = new LinkedHashMap<>();
        secretHome.put(AMI_SECRET, MANAGER);
        SIP.values().forEach(s -> secretHome.put(s, PJSIP));
        b.files().forEach((name, text) -> secretHome.forEach((secret, home) -> {
            String escaped = ConfWriter.escape(secret);
            int expected = name.equals(home) ? 1 : 0;
            // written once, escaped, in its own file; nowhere else in any form (comments and README included)
            assertThat(count(text, escaped)).as(secret + " in " + name).isEqualTo(expected);
            if (!escaped.equals(secret)) {
                assertThat(count(text, secret)).as("unescaped " + secret + " in " + name).isZero();
            }
            if (name.endsWith(".conf")) {
                assertThat(count(readAsAsterisk(text), secret)).as("value " + secret + " in " + name).isEqualTo(expected);
            }
        }));
    }

    @Test
    void placeholdersAndWarningsAreListedForIt() {
        AsteriskBundle b = render(input());
        assertThat(b.placeholders()).containsExactly("{{TRUNK_HOST}}", "{{TRUNK_PORT}}", "{{TRUNK_USERNAME}}",
                "{{TRUNK_PASSWORD}}", "{{OUTBOUND_CALLERID}}");
        assertThat(b.warnings()).containsExactly("分机 8009 已停用，未写入 pjsip.conf（该话机无法注册）");
        String readme = b.files().get("README.txt");
        assertThat(readme).contains("systemname = gw-st01", "grep -n '{{' /etc/asterisk/*.conf",
                "报修队列请按1，投诉队列请按2，咨询队列请按3，留言请按4。", "mkdir -p /data/recordings", "分机 8009 已停用");
        b.placeholders().forEach(p -> assertThat(readme).contains(p));

        // every {{…}} in the files is one the README names
        Set<String> used = new LinkedHashSet<>();
        b.files().forEach((n, t) -> {
            Matcher m = Pattern.compile("\\{\\{[A-Z_]+}}").matcher(t);
            while (m.find()) {
                used.add(m.group());
            }
        });
        assertThat(b.placeholders()).containsAll(used);

        BundleInput in = input();
        BundleInput noAgi = new BundleInput(in.gatewayCode(), in.gatewayName(), in.kindLabel(), in.stationName(), in.amiPort(),
                in.amiUsername(), in.amiSecret(), null, null, null, List.of(), in.phones(), in.queues(), List.of(),
                in.generatedAt());
        AsteriskBundle nb = render(noAgi);
        assertThat(nb.placeholders()).contains("{{HEATDESK_AGI_HOST}}", "{{HEATDESK_AGI_PORT}}", "{{HEATDESK_IP}}");
        assertThat(nb.files().get(EXTENSIONS))
                .contains("AGI(agi://{{HEATDESK_AGI_HOST}}:{{HEATDESK_AGI_PORT}}/blacklist)")
                .contains("Set(MIXFILE=/var/spool/asterisk/monitor/${CHANNEL(linkedid)}.wav)");
    }

    @Test
    void secretsAsteriskCannotReadAndUnsafeRecordingDirsAreRefused() {
        BundleInput in = input();
        BundleInput badAmi = new BundleInput(in.gatewayCode(), in.gatewayName(), in.kindLabel(), in.stationName(), in.amiPort(),
                in.amiUsername(), " padded ", in.agiHost(), in.agiPort(), in.recordingDir(), List.of(), in.phones(),
                in.queues(), List.of(), in.generatedAt());
        assertThatThrownBy(() -> render(badAmi)).isInstanceOf(BizException.class).hasMessageContaining("AMI 密码");
        List<BundleInput.PhoneEntry> phones = new ArrayList<>(in.phones());
        phones.add(new BundleInput.PhoneEntry("8003", "8003", "line\nbreak-secret", null));
        BundleInput badSip = new BundleInput(in.gatewayCode(), in.gatewayName(), in.kindLabel(), in.stationName(), in.amiPort(),
                in.amiUsername(), in.amiSecret(), in.agiHost(), in.agiPort(), in.recordingDir(), List.of(), phones,
                in.queues(), List.of(), in.generatedAt());
        assertThatThrownBy(() -> render(badSip)).isInstanceOf(BizException.class).hasMessageContaining("分机 8003");
        BundleInput badDir = new BundleInput(in.gatewayCode(), in.gatewayName(), in.kindLabel(), in.stationName(), in.amiPort(),
                in.amiUsername(), in.amiSecret(), in.agiHost(), in.agiPort(), "/data/rec,b", List.of(), in.phones(),
                in.queues(), List.of(), in.generatedAt());
        assertThatThrownBy(() -> render(badDir)).isInstanceOf(BizException.class).hasMessageContaining("录音目录");
    }

    @Test
    void theZipHoldsTheFilesByteForByte() throws IOException {
        AsteriskBundle b = render(input());
        assertThat(b.zipName()).isEqualTo("asterisk-GW-ST01.zip");
        Map<String, String> unzipped = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b.zip()), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                unzipped.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(unzipped).containsExactlyEntriesOf(b.files());
    }

    /** the file's values as Asterisk's parser yields them (comments dropped, '\;' unescaped) */
    static String readAsAsterisk(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            b.append(ConfFile.stripComment(line)).append('\n');
        }
        return b.toString();
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
