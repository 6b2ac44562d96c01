package cn.heatdesk.callcenter.bundle;

import cn.heatdesk.kernel.error.BizException;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static cn.heatdesk.callcenter.bundle.DialplanNames.AGENTS;
import static cn.heatdesk.callcenter.bundle.DialplanNames.CLICK_TO_DIAL;
import static cn.heatdesk.callcenter.bundle.DialplanNames.FROM_TRUNK;
import static cn.heatdesk.callcenter.bundle.DialplanNames.HOLD;
import static cn.heatdesk.callcenter.bundle.DialplanNames.HOLD_AGENT;
import static cn.heatdesk.callcenter.bundle.DialplanNames.INBOUND_IVR;
import static cn.heatdesk.callcenter.bundle.DialplanNames.OUTSIDE;
import static cn.heatdesk.callcenter.bundle.DialplanNames.PHONES;
import static cn.heatdesk.callcenter.bundle.DialplanNames.RECORD;
import static cn.heatdesk.callcenter.bundle.DialplanNames.SUPERVISOR;
import static cn.heatdesk.callcenter.bundle.DialplanNames.SURVEY;
import static cn.heatdesk.callcenter.bundle.DialplanNames.TRANSFER_TARGETS;
import static cn.heatdesk.callcenter.bundle.DialplanNames.TRUNK_ENDPOINT;

/**
 * Renders the Asterisk configuration one gateway needs from HeatDesk's data: manager.conf (HeatDesk's AMI user),
 * pjsip.conf (one endpoint/auth/aor per IP phone, the trunk as a template), queues.conf (one queue per skill, no
 * static members: HeatDesk adds members over AMI), extensions.conf (the reference dialplan of the Asterisk 22
 * transcripts with HeatDesk's FastAGI address, plus the contexts the CTI uses), features.conf, musiconhold.conf,
 * cdr_manager.conf and a README.txt for IT. Pure: the same input gives the same files.
 *
 * <p>The inbound path is written so that Asterisk runs exactly the applications seen in the transcripts
 * (from-trunk → inbound-ivr → key 1 → MixMonitor → Queue(…,tc,…,agent-connect) → survey); the simulator implements the
 * same dialplan. Secrets appear only where Asterisk needs them: the AMI secret in manager.conf, SIP secrets in
 * pjsip.conf.
 */
public final class AsteriskConfigRenderer {

    public static final String MANAGER = "manager.conf";
    public static final String PJSIP = "pjsip.conf";
    public static final String QUEUES = "queues.conf";
    public static final String EXTENSIONS = "extensions.conf";
    public static final String FEATURES = "features.conf";
    public static final String MOH = "musiconhold.conf";
    public static final String CDR_MANAGER = "cdr_manager.conf";
    public static final String README = "README.txt";

    public static final String TRUNK_HOST = "{{TRUNK_HOST}}";
    public static final String TRUNK_PORT = "{{TRUNK_PORT}}";
    public static final String TRUNK_USERNAME = "{{TRUNK_USERNAME}}";
    public static final String TRUNK_PASSWORD = "{{TRUNK_PASSWORD}}";
    public static final String OUTBOUND_CALLERID = "{{OUTBOUND_CALLERID}}";
    public static final String AGI_HOST = "{{HEATDESK_AGI_HOST}}";
    public static final String AGI_PORT = "{{HEATDESK_AGI_PORT}}";
    public static final String HEATDESK_IP = "{{HEATDESK_IP}}";

    /** Asterisk's default MixMonitor directory */
    public static final String DEFAULT_RECORDING_DIR = "/var/spool/asterisk/monitor";
    /** menu keys 1..8 are queues; the key after the last queue leaves a message */
    static final int MAX_MENU_QUEUES = 8;
    static final int PHONE_RING_SECONDS = 30;
    static final int OUTSIDE_RING_SECONDS = 60;
    static final int DEFAULT_QUEUE_TIMEOUT = 15;
    /** seconds between two rounds over the members (the reference system's retry) */
    static final int QUEUE_RETRY = 2;

    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?$");
    /** a directory Asterisk's dialplan can carry inside MixMonitor()/Record() arguments unquoted */
    private static final Pattern SAFE_DIR = Pattern.compile("^/[A-Za-z0-9/_.\\-]*$");
    /** dialplan extension names with a meaning of their own (start, hangup, invalid, timeout …) */
    static final Set<String> SPECIAL_EXTENSIONS = Set.of("a", "e", "h", "i", "o", "s", "t");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public AsteriskBundle render(BundleInput in) {
        check(in);
        Set<String> placeholders = new LinkedHashSet<>(List.of(TRUNK_HOST, TRUNK_PORT, TRUNK_USERNAME, TRUNK_PASSWORD,
                OUTBOUND_CALLERID));
        List<String> warnings = new ArrayList<>(in.omitted());
        if (in.agiHost() == null || in.agiPort() == null) {
            placeholders.add(AGI_HOST);
            placeholders.add(AGI_PORT);
            warnings.add("网关未配置 HeatDesk 的 FastAGI 地址，拨号方案中的 agi:// 地址需由 IT 填写");
        }
        List<String> permits = permits(in);
        if (permits.stream().anyMatch(p -> p.startsWith(HEATDESK_IP))) {
            placeholders.add(HEATDESK_IP);
            warnings.add("无法从数据得出 HeatDesk 服务器的 IP 地址（FastAGI 地址不是 IP），manager.conf 的 permit 需由 IT 填写");
        }
        if (in.queues().size() > MAX_MENU_QUEUES) {
            warnings.add("语音菜单只放得下前 " + MAX_MENU_QUEUES + " 个队列，其余队列只能通过转接到达");
        }
        for (BundleInput.QueueEntry q : in.queues()) {
            if (SPECIAL_EXTENSIONS.contains(q.name())) {
                warnings.add("队列名“" + q.name() + "”与 Asterisk 的特殊分机名相同，不能作为转接目标，请改用更长的队列名");
            }
        }
        if (in.phones().isEmpty()) {
            warnings.add("网关下没有启用的 IP 话机");
        }
        if (in.queues().isEmpty()) {
            warnings.add("网关下没有启用的队列，语音菜单只有留言");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MANAGER, manager(in, permits));
        files.put(PJSIP, pjsip(in));
        files.put(QUEUES, queues(in));
        files.put(EXTENSIONS, extensions(in));
        files.put(FEATURES, features(in));
        files.put(MOH, musicOnHold(in));
        files.put(CDR_MANAGER, cdrManager(in));
        files.put(README, readme(in, placeholders, warnings));
        return new AsteriskBundle(in.gatewayCode(), files, List.copyOf(placeholders), List.copyOf(warnings));
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static void check(BundleInput in) {
        if (!ConfWriter.representable(in.amiSecret())) {
            throw BizException.invalid("amiSecret", "网关“" + in.gatewayName()
                    + "”的 AMI 密码为空或首尾含空格、换行等字符，无法写入 manager.conf，请在网关管理中重新设置");
        }
        for (BundleInput.PhoneEntry p : in.phones()) {
            if (!ConfWriter.representable(p.sipSecret())) {
                throw BizException.invalid("sipSecret", "分机 " + p.extension()
                        + " 的 SIP 密码为空或首尾含空格、换行等字符，无法写入 pjsip.conf，请在 IP 话机中重新设置");
            }
        }
        if (in.recordingDir() != null && !SAFE_DIR.matcher(in.recordingDir()).matches()) {
            throw BizException.invalid("recordingDir", "录音目录“" + in.recordingDir()
                    + "”只能包含字母、数字和 / _ . -，否则无法写进拨号方案，请在网关管理中修改");
        }
    }

    private static List<String> permits(BundleInput in) {
        List<String> out = new ArrayList<>();
        List<String> wanted = in.amiPermit() == null || in.amiPermit().isEmpty()
                ? (in.agiHost() == null ? List.of() : List.of(in.agiHost()))
                : in.amiPermit();
        for (String a : wanted) {
            String s = a == null ? "" : a.strip();
            if (IPV4.matcher(s).matches()) {
                out.add(s.contains("/") ? s : s + "/255.255.255.255");
            }
        }
        if (out.isEmpty()) {
            out.add(HEATDESK_IP + "/255.255.255.255");
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ files

    private static ConfWriter header(BundleInput in, String file, String purpose) {
        ConfWriter w = new ConfWriter();
        w.comment("HeatDesk 为网关 " + in.gatewayCode() + "（" + oneLine(in.gatewayName()) + "，" + in.kindLabel()
                + (in.stationName() == null ? "" : "，" + oneLine(in.stationName())) + "）生成的 " + file);
        w.comment("生成时间 " + STAMP.format(in.generatedAt()) + "。" + purpose);
        w.comment("请勿在网关上手工修改：话机、队列和密码在 HeatDesk 中维护后重新下载配置包。");
        return w.blank();
    }

    private static String manager(BundleInput in, List<String> permits) {
        ConfWriter w = header(in, MANAGER, "HeatDesk 通过 AMI 控制本网关（坐席签入签出、外呼、转接、事件）。");
        w.section("general")
                .kv("enabled", "yes")
                .kv("port", in.amiPort())
                .kv("bindaddr", "0.0.0.0")
                .kv("displayconnects", "yes")
                .comment("HeatDesk 用同一个用户建立一个事件连接和若干动作连接")
                .kv("allowmultiplelogin", "yes")
                .kv("webenabled", "no")
                .kv("authtimeout", 30)
                .kv("authlimit", 50)
                .blank();
        w.comment("HeatDesk 的 AMI 用户：只允许 HeatDesk 服务器登录");
        w.section(in.amiUsername())
                .kv("secret", in.amiSecret())
                .kv("deny", "0.0.0.0/0.0.0.0");
        for (String p : permits) {
            w.kv("permit", p);
        }
        w.comment("read：system（FullyBooted）、call（通道/桥接/挂机/录音）、agent（队列与坐席）、dialplan（VarSet）、cdr（话单）；")
                .comment("不授予 agi、reporting、dtmf、security 类，AGIExec/RTCP/DTMF/SuccessfulAuth 事件不会发给 HeatDesk")
                .kv("read", "system,call,agent,dialplan,cdr")
                .comment("write：队列成员（agent）、外呼（originate）、转接/挂断/录音（call）、CoreStatus/CoreShowChannels/PJSIPShowEndpoints（system,reporting）；不授予 command")
                .kv("write", "system,call,agent,originate,reporting")
                .comment("HeatDesk 读取过慢时 1 秒后断开，HeatDesk 重连后自动对账")
                .kv("writetimeout", 1000)
                .comment("事件过滤（Asterisk 20.8/21.3/22 起的 advanced eventfilter）：丢弃 HeatDesk 不用的 Newexten 和 VarSet，")
                .comment("只保留变量 " + String.join("、", AmiEventFilter.KEPT_VARIABLES) + "、"
                        + String.join("、", AmiEventFilter.KEPT_VARIABLE_PREFIXES.stream().map(p -> p + "*").toList())
                        + "（正则匹配的是“要丢弃的变量名”）");
        AmiEventFilter.lines().forEach(w::line);
        return w.toString();
    }

    private static String pjsip(BundleInput in) {
        ConfWriter w = header(in, PJSIP, "SIP：IP 话机（每部一个 endpoint/auth/aor）和运营商中继模板。");
        w.section("global")
                .kv("type", "global")
                .kv("user_agent", "HeatDesk-Asterisk " + in.gatewayCode())
                .comment("先按 IP 识别中继，再按用户名识别话机")
                .kv("endpoint_identifier_order", "ip,username")
                .blank();
        w.section("transport-udp")
                .kv("type", "transport")
                .kv("protocol", "udp")
                .kv("bind", "0.0.0.0:5060")
                .comment("网关在 NAT 后面时取消下面三行的注释并填写公网地址和内网网段")
                .comment("external_media_address = 公网IP")
                .comment("external_signaling_address = 公网IP")
                .comment("local_net = 192.168.0.0/16")
                .blank();
        w.comment("IP 话机模板：context = agents（只能拨内部分机；外呼经 HeatDesk 的点击外呼，受权限和号段控制）");
        w.template("heatdesk-phone")
                .kv("type", "endpoint")
                .kv("context", AGENTS)
                .kv("disallow", "all")
                .kv("allow", "alaw,ulaw,g722")
                .kv("direct_media", "no")
                .kv("rtp_symmetric", "yes")
                .kv("force_rport", "yes")
                .kv("rewrite_contact", "yes")
                .kv("dtmf_mode", "rfc4733")
                .kv("send_pai", "yes")
                .blank();
        w.template("heatdesk-phone-aor")
                .kv("type", "aor")
                .comment("一部话机一个注册；重新注册替换旧的")
                .kv("max_contacts", 1)
                .kv("remove_existing", "yes")
                .kv("qualify_frequency", 30)
                .blank();
        for (BundleInput.PhoneEntry p : in.phones()) {
            w.comment("分机 " + p.extension() + (p.remark() == null ? "" : "（" + oneLine(p.remark()) + "）")
                    + "：队列成员接口 PJSIP/" + p.endpoint());
            w.section(p.endpoint(), "heatdesk-phone")
                    .kv("auth", p.endpoint())
                    .kv("aors", p.endpoint())
                    .kv("callerid", "\"" + p.extension() + "\" <" + p.extension() + ">")
                    .blank();
            w.section(p.endpoint())
                    .kv("type", "auth")
                    .kv("auth_type", "userpass")
                    .kv("username", p.endpoint())
                    .kv("password", p.sipSecret())
                    .blank();
            w.section(p.endpoint(), "heatdesk-phone-aor").blank();
        }
        w.comment("运营商中继（模板）：请把 {{…}} 占位符换成运营商提供的参数。")
                .comment("来电号码取自 P-Asserted-Identity（trust_id_inbound）；IP 认证的中继请删除 outbound_auth 一行和 [trunk-auth] 段。");
        w.section(TRUNK_ENDPOINT)
                .kv("type", "endpoint")
                .kv("context", FROM_TRUNK)
                .kv("disallow", "all")
                .kv("allow", "alaw,ulaw")
                .kv("aors", TRUNK_ENDPOINT)
                .kv("outbound_auth", "trunk-auth")
                .kv("from_user", TRUNK_USERNAME)
                .kv("from_domain", TRUNK_HOST)
                .kv("direct_media", "no")
                .kv("rtp_symmetric", "yes")
                .kv("dtmf_mode", "rfc4733")
                .kv("trust_id_inbound", "yes")
                .kv("send_pai", "yes")
                .blank();
        w.section(TRUNK_ENDPOINT)
                .kv("type", "aor")
                .kv("contact", "sip:" + TRUNK_HOST + ":" + TRUNK_PORT)
                .kv("qualify_frequency", 60)
                .blank();
        w.section("trunk-auth")
                .kv("type", "auth")
                .kv("auth_type", "userpass")
                .kv("username", TRUNK_USERNAME)
                .kv("password", TRUNK_PASSWORD)
                .blank();
        w.section(TRUNK_ENDPOINT)
                .kv("type", "identify")
                .kv("endpoint", TRUNK_ENDPOINT)
                .kv("match", TRUNK_HOST)
                .blank();
        w.comment("运营商要求注册时取消下面各行的注释")
                .comment("[trunk-reg]")
                .comment("type = registration")
                .comment("outbound_auth = trunk-auth")
                .comment("server_uri = sip:" + TRUNK_HOST + ":" + TRUNK_PORT)
                .comment("client_uri = sip:" + TRUNK_USERNAME + "@" + TRUNK_HOST)
                .comment("retry_interval = 60");
        return w.toString();
    }

    private static String queues(BundleInput in) {
        ConfWriter w = header(in, QUEUES, "每个技能一个队列；成员由 HeatDesk 在坐席签入时用 AMI QueueAdd 动态加入，此处不写静态成员。");
        w.section("general")
                .comment("重启后成员不恢复：HeatDesk 检测到重启后按数据库重新加入（数据库是唯一依据）")
                .kv("persistentmembers", "no")
                .kv("autofill", "yes")
                .kv("shared_lastcall", "yes")
                .blank();
        for (BundleInput.QueueEntry q : in.queues()) {
            w.comment(oneLine(q.displayName()) + "（技能：" + oneLine(q.skillLabel()) + "）");
            w.section(q.name())
                    .kv("strategy", q.strategy() == null ? "rrmemory" : q.strategy())
                    .kv("timeout", q.timeoutSeconds() == null ? DEFAULT_QUEUE_TIMEOUT : q.timeoutSeconds())
                    .kv("retry", QUEUE_RETRY)
                    .comment("整理时间与 HeatDesk 队列的整理时长一致，振铃间隙不会打到刚挂机的坐席")
                    .kv("wrapuptime", q.wrapupSeconds() == null ? 0 : q.wrapupSeconds())
                    .kv("ringinuse", "no")
                    .comment("agent-connect AGI 读取 MEMBERINTERFACE/MEMBERNAME")
                    .kv("setinterfacevar", "yes")
                    .kv("setqueueentryvar", "yes")
                    .kv("setqueuevar", "yes")
                    .comment("示忙/小休只由 HeatDesk 决定，Asterisk 不自动暂停坐席")
                    .kv("autopause", "no")
                    .kv("joinempty", "yes")
                    .kv("leavewhenempty", "no")
                    .kv("musicclass", "default")
                    .kv("announce-frequency", 0)
                    .kv("announce-holdtime", "no")
                    .kv("announce-position", "no")
                    .kv("reportholdtime", "no")
                    .kv("maxlen", 0)
                    .blank();
        }
        return w.toString();
    }

    private static String extensions(BundleInput in) {
        String dir = recordingDir(in);
        List<BundleInput.QueueEntry> menu = in.queues().subList(0, Math.min(MAX_MENU_QUEUES, in.queues().size()));
        int messageKey = menu.size() + 1;
        ConfWriter w = header(in, EXTENSIONS, "拨号方案：来电 IVR（调用 HeatDesk 的 FastAGI）、排队、录音、满意度调查，以及 HeatDesk 座席操作所需的上下文。");
        w.section("general")
                .kv("static", "yes")
                .kv("writeprotect", "yes")
                .kv("autofallthrough", "yes")
                .kv("clearglobalvars", "no")
                .blank();

        w.comment("运营商来电：任何 DID 都进入语音菜单");
        w.section(FROM_TRUNK);
        for (String pattern : List.of("_X.", "_+X.", "s")) {
            w.line("exten => " + pattern + ",1,NoOp(Inbound call to DID ${EXTEN} from ${CALLERID(all)})")
                    .line(" same => n,Set(CDR(userfield)=did-${EXTEN})")
                    .line(" same => n,Goto(" + INBOUND_IVR + ",s,1)");
        }
        w.blank();

        w.comment("语音菜单：HeatDesk 判断黑名单（FastAGI blacklist，设置 BLACKLISTED）；HeatDesk 不可达时 AGI 失败、BLACKLISTED 为空，来电照常进入菜单。")
                .comment("提示音 custom/welcome 须录制为：" + menuPrompt(menu, messageKey));
        w.section(INBOUND_IVR)
                .line("exten => s,1,NoOp(IVR for ${CALLERID(num)})")
                .line(" same => n,Answer()")
                .line(" same => n,AGI(" + agi(in, "blacklist") + ")")
                .line(" same => n,GotoIf(${BLACKLISTED}?blocked)");
        if (in.ivrMenus()) {
            // HeatDesk walks the hotline's menu (docs/ivr.md) and answers with IVR_ACTION; no answer (HeatDesk
            // unreachable, no menu for this DID) falls through to the static menu below
            w.line(" same => n,AGI(" + agi(in, "ivr?gw=" + in.gatewayCode()) + ")")
                    .line(" same => n,GotoIf($[\"${IVR_ACTION}\" = \"QUEUE\"]?ivr-queue,1)")
                    .line(" same => n,GotoIf($[\"${IVR_ACTION}\" = \"VOICEMAIL\"]?" + messageKey + ",1)")
                    .line(" same => n,GotoIf($[\"${IVR_ACTION}\" = \"HANGUP\"]?hangup)");
        }
        w.line(" same => n,Set(TIMEOUT(digit)=3)")
                .line(" same => n,Set(TIMEOUT(response)=6)")
                .line(" same => n(menu),BackGround(custom/welcome)")
                .line(" same => n,WaitExten(6)")
                .line(" same => n(hangup),Hangup()")
                .line(" same => n(blocked),Playback(custom/blocked)")
                .line(" same => n,Hangup()")
                .blank();
        if (in.ivrMenus()) {
            w.comment("HeatDesk 语音菜单选定的队列（IVR_QUEUE）：每个队列一个 q-<队列名> 分机，录音、排队、坐席播报与按键 1..N 相同");
            w.line("exten => ivr-queue,1,Goto(q-${IVR_QUEUE},1)");
            for (BundleInput.QueueEntry q : in.queues()) {
                w.line("exten => q-" + q.name() + ",1,NoOp(IVR menu -> " + q.name() + " queue)")
                        .line(" same => n,Set(CDR(userfield)=ivr-" + q.name() + ")")
                        .line(" same => n,Set(MIXFILE=" + dir + "/${CHANNEL(linkedid)}.wav)")
                        .line(" same => n,MixMonitor(${MIXFILE},b)")
                        .line(" same => n,Queue(" + queueArgs(in, q, "agent-connect?gw=" + in.gatewayCode()) + ")")
                        .line(" same => n,NoOp(Queue returned QUEUESTATUS=${QUEUESTATUS} DIALSTATUS=${DIALSTATUS})")
                        .line(" same => n,Goto(${IF($[\"${QUEUESTATUS}\" = \"CONTINUE\"]?" + SURVEY + ",s,1:" + INBOUND_IVR
                                + "," + messageKey + ",1)})");
            }
            w.blank();
        }
        int key = 1;
        for (BundleInput.QueueEntry q : menu) {
            w.comment("按 " + key + "：" + oneLine(q.displayName()) + "。录音文件以 linkedid 命名（变量 MIXMONITOR_FILENAME 告诉 HeatDesk 路径）；")
                    .comment("Queue 选项 t 允许坐席转接，c 使坐席先挂机时来电继续到满意度调查；接通时调用 agent-connect AGI");
            w.line("exten => " + key + ",1,NoOp(IVR choice " + key + " -> " + q.name() + " queue)")
                    .line(" same => n,AGI(" + agi(in, "ivr?choice=" + key) + ")")
                    .line(" same => n,Set(CDR(userfield)=ivr-" + q.name() + ")")
                    .line(" same => n,Set(MIXFILE=" + dir + "/${CHANNEL(linkedid)}.wav)")
                    .line(" same => n,MixMonitor(${MIXFILE},b)")
                    .line(" same => n,Queue(" + queueArgs(in, q) + ")")
                    .line(" same => n,NoOp(Queue returned QUEUESTATUS=${QUEUESTATUS} DIALSTATUS=${DIALSTATUS})")
                    .comment("坐席先挂机（CONTINUE）→ 满意度调查；排队超时等其他结果 → 留言")
                    .line(" same => n,Goto(${IF($[\"${QUEUESTATUS}\" = \"CONTINUE\"]?" + SURVEY + ",s,1:" + INBOUND_IVR
                            + "," + messageKey + ",1)})")
                    .blank();
            key++;
        }
        w.comment("按 " + messageKey + "：留言（录音在录音目录，文件名 message-<linkedid>.wav）");
        w.line("exten => " + messageKey + ",1,NoOp(IVR choice " + messageKey + " -> leave a message)")
                .line(" same => n,Set(CDR(userfield)=ivr-message)")
                .line(" same => n,Record(" + dir + "/message-${CHANNEL(linkedid)}.wav,3,60,k)")
                .line(" same => n,Hangup()")
                .blank();
        w.comment("无效按键：提示后重放菜单，第二次无效挂机");
        w.line("exten => i,1,Playback(invalid)")
                .line(" same => n,Set(IVR_RETRIES=$[0${IVR_RETRIES} + 1])")
                .line(" same => n,GotoIf($[${IVR_RETRIES} >= 2]?hangup)")
                .line(" same => n,Goto(s,menu)")
                .line(" same => n(hangup),Hangup()")
                .line("exten => t,1,Hangup()")
                .line("exten => h,1,NoOp(Caller hung up in IVR/queue)")
                .blank();

        w.comment("满意度调查：第 1 题由拨号方案 Read 收集（SURVEY_Q1），其余由 HeatDesk 的 survey AGI 完成（SURVEY_Q2 …）");
        w.section(SURVEY)
                .line("exten => s,1,NoOp(Post-call survey for ${CALLERID(num)})")
                .line(" same => n,Read(SURVEY_Q1,custom/survey,1,,1,6)")
                .line(" same => n,NoOp(Q1=${SURVEY_Q1} READSTATUS=${READSTATUS})")
                .line(" same => n,AGI(" + agi(in, "survey?q1=${SURVEY_Q1}") + ")")
                .line(" same => n,NoOp(Survey result Q2=${SURVEY_Q2})")
                .line(" same => n,Hangup()")
                .blank();

        w.comment("录音子程序：通道尚未录音时启动 MixMonitor（转接后的通道已在录音，不重复）；")
                .comment("文件名 <linkedid>.wav，同一通话的其他通道为 <linkedid>-<uniqueid>.wav");
        w.section(RECORD)
                .line("exten => s,1,GotoIf($[\"${MIXMONITOR_FILENAME}\" != \"\"]?done)")
                .line(" same => n,Set(MIXFILE=" + dir + "/${CHANNEL(linkedid)}${IF($[\"${UNIQUEID}\" = \"${CHANNEL(linkedid)}\"]?:-${UNIQUEID})}.wav)")
                .line(" same => n,MixMonitor(${MIXFILE},b)")
                .line(" same => n(done),Return()")
                .blank();

        w.comment("各分机（内部呼叫、转接到同事、点击外呼到分机）");
        w.section(PHONES);
        for (BundleInput.PhoneEntry p : in.phones()) {
            w.line("exten => " + p.extension() + ",1,NoOp(Call to phone " + p.extension() + ")")
                    .line(" same => n,Gosub(" + RECORD + ",s,1)")
                    .line(" same => n,Dial(PJSIP/" + p.endpoint() + "," + PHONE_RING_SECONDS + ",tT)")
                    .line(" same => n,Hangup()");
        }
        w.blank();

        w.comment("外线：经中继外呼，主叫号码为单位号码（" + OUTBOUND_CALLERID + "）");
        w.section(OUTSIDE);
        for (String pattern : List.of("_X.", "_+X.")) {
            w.line("exten => " + pattern + ",1,NoOp(Outside call to ${EXTEN})")
                    .line(" same => n,Set(CALLERID(num)=" + OUTBOUND_CALLERID + ")")
                    .line(" same => n,Gosub(" + RECORD + ",s,1)")
                    .line(" same => n,Dial(PJSIP/${EXTEN}@" + TRUNK_ENDPOINT + "," + OUTSIDE_RING_SECONDS + ",T)")
                    .line(" same => n,Hangup()");
        }
        w.blank();

        w.comment("话机自身的上下文：只能拨内部分机");
        w.section(AGENTS)
                .line("include => " + PHONES)
                .blank();

        w.comment("点击外呼：HeatDesk 发 Originate（Channel=PJSIP/坐席话机，Context=" + CLICK_TO_DIAL + "，Exten=号码），坐席摘机后拨出；")
                .comment("权限与允许号段由 HeatDesk 检查。分机号优先于外线号码。");
        w.section(CLICK_TO_DIAL);
        for (BundleInput.PhoneEntry p : in.phones()) {
            w.line("exten => " + p.extension() + ",1,Goto(" + PHONES + "," + p.extension() + ",1)");
        }
        w.line("exten => _X.,1,NoOp(Click-to-dial from ${CALLERID(all)} to ${EXTEN})")
                .line(" same => n,Goto(" + OUTSIDE + ",${EXTEN},1)")
                .blank();

        w.comment("转接目标（AMI Redirect/BlindTransfer/Atxfer 的 Context）：分机号、队列名、外线号码；代答时振铃中的来电被 Redirect 到代答人的分机号");
        w.section(TRANSFER_TARGETS);
        for (BundleInput.PhoneEntry p : in.phones()) {
            w.line("exten => " + p.extension() + ",1,Goto(" + PHONES + "," + p.extension() + ",1)");
        }
        for (BundleInput.QueueEntry q : in.queues()) {
            w.line("exten => " + DialplanNames.queueExten(q.name()) + ",1,NoOp(Transfer to queue " + q.name() + ")")
                    .line(" same => n,Gosub(" + RECORD + ",s,1)")
                    .line(" same => n,Queue(" + queueArgs(in, q) + ")")
                    .line(" same => n,Hangup()");
        }
        w.line("exten => _X.,1,Goto(" + OUTSIDE + ",${EXTEN},1)")
                .blank();

        w.comment("班长监听/耳语/强插：HeatDesk 发 Originate（Channel=PJSIP/班长话机，Context=" + SUPERVISOR + "，Exten=listen_/whisper_/barge_分机号）");
        w.section(SUPERVISOR);
        for (BundleInput.PhoneEntry p : in.phones()) {
            String spy = "ChanSpy(PJSIP/" + p.endpoint() + "-,";
            w.line("exten => " + DialplanNames.listenExten(p.extension()) + ",1," + spy + "qE)")
                    .line(" same => n,Hangup()")
                    .line("exten => " + DialplanNames.whisperExten(p.extension()) + ",1," + spy + "qEw)")
                    .line(" same => n,Hangup()")
                    .line("exten => " + DialplanNames.bargeExten(p.extension()) + ",1," + spy + "qEB)")
                    .line(" same => n,Hangup()");
        }
        w.blank();

        w.comment("班长优先：HeatDesk 把排队中的来电 Redirect 到 " + DialplanNames.SUPERVISOR_QUEUE
                + "（Exten=队列名），以更高的 QUEUE_PRIO 重新进入同一队列排到前面（Asterisk 没有调整排队顺序的动作）");
        w.section(DialplanNames.SUPERVISOR_QUEUE);
        for (BundleInput.QueueEntry q : in.queues()) {
            w.line("exten => " + DialplanNames.queueExten(q.name()) + ",1,Set(QUEUE_PRIO="
                            + DialplanNames.SUPERVISOR_PRIORITY + ")")
                    .line(" same => n,Queue(" + queueArgs(in, q) + ")")
                    .line(" same => n,Hangup()");
        }
        w.blank();

        w.comment("保持：HeatDesk 用一个 Redirect 把客户送到 " + HOLD + "（听保持音乐），把坐席的通道送到 " + HOLD_AGENT
                + "（静音等待，话机不挂断）；恢复时用 AMI Bridge 把两者重新接通");
        w.section(HOLD)
                .line("exten => s,1,MusicOnHold(default)")
                .line(" same => n,Hangup()")
                .blank();
        w.section(HOLD_AGENT)
                .line("exten => s,1,Wait(7200)")
                .line(" same => n,Hangup()");
        return w.toString();
    }

    private static String features(BundleInput in) {
        ConfWriter w = header(in, FEATURES, "AMI Atxfer（咨询转接）需要 atxfer 功能码；Queue/Dial 的 t/T 选项允许坐席转接。");
        w.section("general")
                .kv("transferdigittimeout", 3)
                .kv("atxfernoanswertimeout", 20)
                .kv("atxferdropcall", "no")
                .kv("atxferabort", "*1")
                .kv("atxfercomplete", "*2")
                .kv("atxferthreeway", "*3")
                .kv("atxferswap", "*4")
                .blank();
        w.section("featuremap")
                .kv("blindxfer", "#1")
                .kv("atxfer", "*2");
        return w.toString();
    }

    private static String musicOnHold(BundleInput in) {
        ConfWriter w = header(in, MOH, "排队和保持时的音乐（class default，用 Asterisk 自带的 moh 目录）。");
        w.section("default")
                .kv("mode", "files")
                .kv("directory", "moh");
        return w.toString();
    }

    private static String cdrManager(BundleInput in) {
        ConfWriter w = header(in, CDR_MANAGER, "每通电话结束时发出 Cdr 事件，HeatDesk 用它校正断线期间接管的通话。");
        w.section("general")
                .kv("enabled", "yes");
        return w.toString();
    }

    private static String readme(BundleInput in, Set<String> placeholders, List<String> warnings) {
        String dir = recordingDir(in);
        List<BundleInput.QueueEntry> menu = in.queues().subList(0, Math.min(MAX_MENU_QUEUES, in.queues().size()));
        StringBuilder b = new StringBuilder();
        b.append("HeatDesk 网关配置包：").append(in.gatewayCode()).append("（").append(oneLine(in.gatewayName())).append("，")
                .append(in.kindLabel()).append(in.stationName() == null ? "" : "，" + oneLine(in.stationName())).append("）\n")
                .append("生成时间：").append(STAMP.format(in.generatedAt())).append("\n\n")
                .append("本配置包含 AMI 密码和各话机的 SIP 密码，请妥善保管，安装后删除压缩包。\n\n");
        b.append("一、适用环境\n")
                .append("  Asterisk 22（20.8、21.3 以上亦可；事件过滤使用新版 eventfilter 语法），chan_pjsip。\n")
                .append("  需要加载的模块：res_pjsip 系列、app_dial、app_queue、app_mixmonitor、res_agi、app_chanspy、app_read、\n")
                .append("  app_record、res_musiconhold、cdr_manager、func_callerid、func_cdr、func_channel、func_logic（安装默认全部加载）。\n\n");
        b.append("二、安装步骤\n")
                .append("  1. 备份原配置：cp -a /etc/asterisk /etc/asterisk.bak.$(date +%Y%m%d)\n")
                .append("  2. 把本包中的 *.conf 复制到 /etc/asterisk/（覆盖同名文件）。\n")
                .append("  3. 填写占位符：用运营商提供的参数替换下列占位符，然后确认没有遗漏：grep -n '{{' /etc/asterisk/*.conf\n");
        for (String p : placeholders) {
            b.append("       ").append(p).append("  ").append(placeholderHelp(p)).append('\n');
        }
        b.append("  4. 在 /etc/asterisk/asterisk.conf 的 [options] 段加入一行：systemname = ")
                .append(in.gatewayCode().toLowerCase(java.util.Locale.ROOT)).append('\n')
                .append("     （通话 ID 带上网关名，各网关的录音文件名不会重复。）\n")
                .append("  5. 录制提示音放到 /var/lib/asterisk/sounds/custom/：welcome（语音菜单）、blocked（黑名单提示）、survey（满意度提示）、beep。\n")
                .append("     菜单内容：").append(menuPrompt(menu, menu.size() + 1)).append('\n')
                .append("  6. 建立录音目录并授权：mkdir -p ").append(dir).append(" && chown asterisk:asterisk ").append(dir).append('\n')
                .append("     HeatDesk 按文件名在其录音目录中查找录音，请用 NFS/SMB/rsync 把该目录同步到 HeatDesk 服务器。\n")
                .append("  7. 防火墙：允许 HeatDesk 服务器访问本机 TCP ").append(in.amiPort()).append("（AMI）；允许本机访问 HeatDesk 的 FastAGI ")
                .append(in.agiHost() == null ? AGI_HOST + ":" + AGI_PORT : in.agiHost() + ":" + in.agiPort()).append("；\n")
                .append("     话机和运营商访问本机 UDP 5060 及 RTP 端口（rtp.conf，默认 10000-20000）。\n")
                .append("  8. 重启 Asterisk：systemctl restart asterisk（或 asterisk -rx 'core restart now'）。\n\n");
        b.append("三、检查\n")
                .append("  asterisk -rx 'manager show user ").append(in.amiUsername()).append("'   应显示 permit 只有 HeatDesk 服务器\n")
                .append("  asterisk -rx 'pjsip show endpoints'              每部话机一个 endpoint，话机注册后为 Not in use\n")
                .append("  asterisk -rx 'queue show'                         队列存在且没有成员（成员由坐席签入时加入）\n")
                .append("  asterisk -rx 'dialplan show inbound-ivr'          AGI 地址指向 HeatDesk\n")
                .append("  在 HeatDesk 的“网关管理”中该网关应显示“已连接”、Asterisk 版本和运行时长；坐席在绑定的话机上签入后，\n")
                .append("  'queue show' 中出现其分机。\n\n");
        b.append("四、文件说明\n")
                .append("  manager.conf      HeatDesk 的 AMI 用户（密码、只允许 HeatDesk 服务器、事件过滤）\n")
                .append("  pjsip.conf        话机（").append(in.phones().size()).append(" 部）和运营商中继模板\n")
                .append("  queues.conf       队列（").append(in.queues().size()).append(" 个）：策略、振铃时长、整理时间；无静态成员\n")
                .append("  extensions.conf   拨号方案：来电 IVR、排队、录音、满意度调查、点击外呼、转接、代答、班长监听、保持\n")
                .append("  features.conf     咨询转接功能码\n")
                .append("  musiconhold.conf  保持音乐\n")
                .append("  cdr_manager.conf  通话结束时向 HeatDesk 发送话单事件\n\n");
        if (!warnings.isEmpty()) {
            b.append("五、注意\n");
            for (String w : warnings) {
                b.append("  - ").append(w).append('\n');
            }
            b.append('\n');
        }
        b.append("话机、队列、密码有变动时，请在 HeatDesk 中重新下载本配置包并重复第 2～4 步（网关重启后 HeatDesk 会自动把签入的坐席重新加入队列）。\n");
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String agi(BundleInput in, String script) {
        String host = in.agiHost() == null || in.agiPort() == null ? AGI_HOST + ":" + AGI_PORT
                : in.agiHost() + ":" + in.agiPort();
        return "agi://" + host + "/" + script;
    }

    /** Queue(name,tc,,,max wait,agent-connect AGI) as in the reference dialplan */
    private static String queueArgs(BundleInput in, BundleInput.QueueEntry q) {
        return queueArgs(in, q, "agent-connect");
    }

    private static String queueArgs(BundleInput in, BundleInput.QueueEntry q, String connectScript) {
        String maxWait = q.maxWaitSeconds() == null || q.maxWaitSeconds() <= 0 ? "" : String.valueOf(q.maxWaitSeconds());
        return q.name() + ",tc,,," + maxWait + "," + agi(in, connectScript);
    }

    static String recordingDir(BundleInput in) {
        String d = in.recordingDir() == null ? DEFAULT_RECORDING_DIR : in.recordingDir();
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    private static String menuPrompt(List<BundleInput.QueueEntry> menu, int messageKey) {
        StringBuilder b = new StringBuilder();
        int key = 1;
        for (BundleInput.QueueEntry q : menu) {
            b.append(oneLine(q.displayName())).append("请按").append(key++).append("，");
        }
        return b.append("留言请按").append(messageKey).append("。").toString();
    }

    private static String placeholderHelp(String p) {
        return switch (p) {
            case TRUNK_HOST -> "运营商 SIP 服务器的 IP 或域名";
            case TRUNK_PORT -> "运营商 SIP 端口（通常 5060）";
            case TRUNK_USERNAME -> "中继账号（IP 认证的中继可删去认证段）";
            case TRUNK_PASSWORD -> "中继密码";
            case OUTBOUND_CALLERID -> "外呼时显示的单位号码（运营商分配的号码）";
            case AGI_HOST -> "HeatDesk 服务器地址（FastAGI）";
            case AGI_PORT -> "HeatDesk 的 FastAGI 端口（默认 4573）";
            case HEATDESK_IP -> "HeatDesk 服务器的 IP 地址（manager.conf 的 permit）";
            default -> "";
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
