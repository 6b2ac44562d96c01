package cn.heatdesk.callcenter.cti;

import cn.heatdesk.callcenter.agent.Agent;
import cn.heatdesk.callcenter.agent.AgentMapper;
import cn.heatdesk.callcenter.agent.AgentState;
import cn.heatdesk.callcenter.ami.GatewayActions;
import cn.heatdesk.callcenter.call.CallCodes;
import cn.heatdesk.callcenter.call.CallMapper;
import cn.heatdesk.callcenter.call.CallRow;
import cn.heatdesk.callcenter.call.CallTracker;
import cn.heatdesk.callcenter.gateway.CallQueue;
import cn.heatdesk.callcenter.gateway.Phone;
import cn.heatdesk.callcenter.gateway.PhoneMapper;
import cn.heatdesk.callcenter.gateway.QueueMapper;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Call control for the signed-in agent's own phone: each step reads the gateway's channels (CoreShowChannels),
 * finds my leg and its peer, sends the AMI actions of {@link CtiActions} and turns Asterisk's answer into success or
 * a Chinese reason (409 with Asterisk's message translated; 503 when the gateway is unreachable, from
 * {@link cn.heatdesk.callcenter.ami.GatewayUnavailableException}). No call state is kept here: Asterisk is asked
 * every time.
 */
@Service
public class CtiService {

    private static final Logger log = LoggerFactory.getLogger(CtiService.class);
    public static final String OUTBOUND = "callcenter:outbound";

    private final AgentMapper agents;
    private final PhoneMapper phones;
    private final QueueMapper queues;
    private final CallMapper calls;
    private final GatewayActions actions;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final CtiSettings settings;
    private final OutboundRule outbound;

    public CtiService(AgentMapper agents, PhoneMapper phones, QueueMapper queues, CallMapper calls,
                      GatewayActions actions, FieldCipher cipher, IdGenerator ids, CtiSettings settings) {
        this.agents = agents;
        this.phones = phones;
        this.queues = queues;
        this.calls = calls;
        this.actions = actions;
        this.cipher = cipher;
        this.ids = ids;
        this.settings = settings;
        this.outbound = new OutboundRule(settings);
    }

    /** the signed-in agent with the bound phone */
    record Me(CurrentUser user, Agent agent, Phone phone, long gatewayId) {
        String endpoint() {
            return phone.getEndpointName() != null && !phone.getEndpointName().isBlank() ? phone.getEndpointName()
                    : phone.getExtension();
        }
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    public CtiViews.Result hangup() {
        Me me = me();
        ChannelSnapshot.Chan mine = myCall(me, channels(me));
        // the record's "who hung up" = this agent (an AMI Hangup alone looks like the system's)
        send(me, CtiActions.hangupMark(mine.name(), me.agent().getId()), "挂断");
        send(me, CtiActions.hangup(mine.name()), "挂断");
        return new CtiViews.Result("HANGUP", "已挂断当前通话", mine.linkedid(), mine.name(), null, null);
    }

    public CtiViews.Result hold() {
        Me me = me();
        ChannelSnapshot snap = channels(me);
        ChannelSnapshot.Chan mine = myCall(me, snap);
        if (ChannelSnapshot.held(mine)) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "通话已处于保持状态");
        }
        ChannelSnapshot.Chan peer = snap.peerOf(mine).orElseThrow(() ->
                new BizException(ErrorCode.ILLEGAL_TRANSITION, "当前通话还没有接通对方，不能保持"));
        send(me, CtiActions.hold(peer.name(), mine.name()), "保持");
        return new CtiViews.Result("HOLD", "已保持，对方正在听等待音乐", mine.linkedid(), mine.name(), null, null);
    }

    public CtiViews.Result resume() {
        Me me = me();
        ChannelSnapshot snap = channels(me);
        ChannelSnapshot.Chan mine = myCall(me, snap);
        ChannelSnapshot.Chan held = snap.heldFor(mine).orElseThrow(() ->
                new BizException(ErrorCode.ILLEGAL_TRANSITION, "没有被保持的通话可以恢复"));
        send(me, CtiActions.resume(mine.name(), held.name()), "恢复通话");
        return new CtiViews.Result("RESUME", "已恢复通话", mine.linkedid(), mine.name(), null, null);
    }

    public CtiViews.Result blindTransfer(CtiRequests.Transfer req) {
        Me me = me();
        String exten = target(me, req);
        ChannelSnapshot snap = channels(me);
        ChannelSnapshot.Chan mine = myCall(me, snap);
        if (snap.peerOf(mine).isEmpty()) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "当前通话没有接通的对方，不能转接");
        }
        send(me, CtiActions.blindTransfer(mine.name(), exten), "转接");
        return new CtiViews.Result("BLIND_TRANSFER", "已转接到" + describe(req, exten), mine.linkedid(), mine.name(), exten, null);
    }

    public CtiViews.Result consult(CtiRequests.Transfer req) {
        Me me = me();
        String exten = target(me, req);
        ChannelSnapshot snap = channels(me);
        ChannelSnapshot.Chan mine = myCall(me, snap);
        if (snap.peerOf(mine).isEmpty()) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "当前通话没有接通的对方，不能咨询转接");
        }
        send(me, CtiActions.consult(mine.name(), exten), "咨询转接");
        return new CtiViews.Result("CONSULT", "正在呼叫" + describe(req, exten) + "，对方已被保持", mine.linkedid(),
                mine.name(), exten, null);
    }

    /** completing the consultation = leaving it: Asterisk joins the held party and the consulted one */
    public CtiViews.Result completeConsult() {
        Me me = me();
        ChannelSnapshot.Chan mine = myCall(me, channels(me));
        send(me, CtiActions.hangup(mine.name()), "完成转接");
        return new CtiViews.Result("CONSULT_COMPLETE", "已完成转接，您已退出通话", mine.linkedid(), mine.name(), null, null);
    }

    public CtiViews.Result cancelConsult() {
        Me me = me();
        ChannelSnapshot.Chan mine = myCall(me, channels(me));
        send(me, CtiActions.cancelConsult(mine.name()), "取消咨询转接");
        return new CtiViews.Result("CONSULT_CANCEL", "已取消咨询转接，回到原通话", mine.linkedid(), mine.name(), null, null);
    }

    public CtiViews.Result swap() {
        Me me = me();
        ChannelSnapshot.Chan mine = myCall(me, channels(me));
        for (ManagerAction a : CtiActions.swap(mine.name(), settings.swapCode())) {
            send(me, a, "切换通话");
        }
        return new CtiViews.Result("SWAP", "已在保持的通话和当前通话之间切换", mine.linkedid(), mine.name(), null, null);
    }

    public CtiViews.Result pickup(CtiRequests.Pickup req) {
        Me me = me();
        ChannelSnapshot snap = channels(me);
        if (!snap.ofEndpoint(me.endpoint()).isEmpty()) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的话机正在通话中，不能代答");
        }
        ChannelSnapshot.Chan ringing;
        if (req != null && req.jobNo() != null && !req.jobNo().isBlank()) {
            Agent colleague = agents.selectByJobNo(req.jobNo().strip());
            if (colleague == null || colleague.getPhoneId() == null) {
                throw BizException.invalid("jobNo", "工号" + req.jobNo().strip() + "不存在或未绑定话机");
            }
            Phone p = phones.selectByIdUnscoped(colleague.getPhoneId());
            if (p == null || !p.getGatewayId().equals(me.gatewayId())) {
                throw BizException.invalid("jobNo", "工号" + req.jobNo().strip() + "的话机不在您所在的网关，不能代答");
            }
            String ep = endpointOf(p);
            ringing = snap.ofEndpoint(ep).stream().filter(ChannelSnapshot.Chan::ringing).findFirst().orElseThrow(() ->
                    new BizException(ErrorCode.ILLEGAL_TRANSITION, "工号" + req.jobNo().strip() + "的话机没有正在振铃的来电"));
        } else {
            ringing = snap.channels().stream().filter(ChannelSnapshot.Chan::ringing)
                    .filter(c -> c.endpoint() != null && !c.endpoint().equals(me.endpoint()))
                    .filter(c -> phones.selectByEndpoint(me.gatewayId(), c.endpoint()) != null)
                    .findFirst().orElseThrow(() -> new BizException(ErrorCode.ILLEGAL_TRANSITION, "没有正在振铃的来电可以代答"));
        }
        ChannelSnapshot.Chan caller = snap.dialerOf(ringing).orElseThrow(() ->
                new BizException(ErrorCode.ILLEGAL_TRANSITION, "振铃的来电已接通或已结束，不能代答"));
        send(me, CtiActions.pickup(caller.name(), me.phone().getExtension()), "代答");
        return new CtiViews.Result("PICKUP", "已代答，请在您的话机上接听", ringing.linkedid(), null,
                me.phone().getExtension(), null);
    }

    /** click-to-dial from my phone; needs {@code callcenter:outbound} (checked by the controller) */
    public CtiViews.Result dial(CtiRequests.Dial req) {
        Me me = me();
        String number = outbound.check("number", req.number());
        Map<String, String> vars = new LinkedHashMap<>();
        if (req.householdId() != null) {
            vars.put("CTI_HOUSEHOLD", String.valueOf(req.householdId()));
        }
        return originate(me, number, vars, null, "外呼");
    }

    /** callback of a missed inbound call (abandoned or not answered) of my data scope */
    public CtiViews.Result callback(long callId) {
        Me me = me();
        CallRow call = calls.selectById(callId);
        if (call == null) {
            throw BizException.notFound("通话记录");
        }
        if (!CallCodes.IN.equals(call.direction)
                || !(CallCodes.ABANDONED.equals(call.callResult) || CallCodes.NO_ANSWER.equals(call.callResult))) {
            throw BizException.invalid("callId", "只能回拨未接通的来电（放弃或无人接听），该通话不符合");
        }
        String raw = call.callerEnc == null ? null : cipher.decrypt(call.callerEnc);
        if (raw == null || raw.isBlank()) {
            throw BizException.invalid("callId", "该来电没有主叫号码，无法回拨");
        }
        String number = outbound.check("callId", raw);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(CallTracker.CTI_CALLBACK_OF, String.valueOf(callId));
        if (call.householdId != null) {
            vars.put("CTI_HOUSEHOLD", String.valueOf(call.householdId));
        }
        return originate(me, number, vars, callId, "回拨");
    }

    private CtiViews.Result originate(Me me, String number, Map<String, String> vars, Long callbackOf, String what) {
        ChannelSnapshot snap = channels(me);
        if (!snap.ofEndpoint(me.endpoint()).isEmpty()) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的话机正在通话中，请先结束当前通话再" + what);
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("CTI_AGENT", me.agent().getJobNo());
        all.putAll(vars);
        // Asterisk uses ChannelId as my leg's Uniqueid, so it is the new call's linkedid (fixture f)
        String channelId = "hd-c2d-" + ids.nextId();
        // CTI_CALLBACK_OF becomes cc_call.callback_of of the new call (the tracker reads its VarSet)
        send(me, CtiActions.clickToDial(me.endpoint(), me.phone().getExtension(), me.agent().getAgentName(), number,
                channelId, all), what);
        log.info("agent {} {} {} (call {})", me.agent().getJobNo(), what, mask(number), channelId);
        return new CtiViews.Result(callbackOf == null ? "DIAL" : "CALLBACK", "正在呼叫您的话机，摘机后自动拨打 " + mask(number),
                channelId, null, mask(number), callbackOf);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private String target(Me me, CtiRequests.Transfer req) {
        String kind = req.kind().strip().toUpperCase(Locale.ROOT);
        String t = req.target().strip();
        switch (kind) {
            case "AGENT" -> {
                Agent a = agents.selectByJobNo(t);
                if (a == null) {
                    throw BizException.invalid("target", "工号" + t + "不存在");
                }
                if (a.getId().equals(me.agent().getId())) {
                    throw BizException.invalid("target", "不能转接给自己");
                }
                if (a.state() == AgentState.SIGNED_OUT || a.getPhoneId() == null) {
                    throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "目标坐席（工号" + t + "）未签入，不能转接", "target");
                }
                if (a.state() == AgentState.TALKING || a.state() == AgentState.RINGING) {
                    throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "目标坐席（工号" + t + "）正在通话或振铃，请稍后再转", "target");
                }
                Phone p = phones.selectByIdUnscoped(a.getPhoneId());
                if (p == null || !p.getGatewayId().equals(me.gatewayId())) {
                    throw BizException.invalid("target", "目标坐席（工号" + t + "）的话机不在您所在的网关，请转接到其队列");
                }
                return p.getExtension();
            }
            case "QUEUE" -> {
                CallQueue q = queues.selectByName(me.gatewayId(), t);
                if (q == null) {
                    throw BizException.invalid("target", "您所在的网关没有队列“" + t + "”");
                }
                return q.getQueueName();
            }
            case "NUMBER" -> {
                if (!me.user().hasPermission(OUTBOUND)) {
                    throw BizException.forbidden("您没有外呼权限，不能转接到外线号码");
                }
                return outbound.check("target", t);
            }
            default -> throw BizException.invalid("kind", "转接类型只能是 AGENT（坐席）、QUEUE（队列）或 NUMBER（外线号码）");
        }
    }

    private static String describe(CtiRequests.Transfer req, String exten) {
        return switch (req.kind().strip().toUpperCase(Locale.ROOT)) {
            case "AGENT" -> "坐席（工号" + req.target().strip() + "，分机 " + exten + "）";
            case "QUEUE" -> "队列 " + exten;
            default -> "外线号码 " + mask(exten);
        };
    }

    static String mask(String number) {
        if (number == null || number.length() < 7) {
            return number;
        }
        return number.substring(0, 3) + "****" + number.substring(number.length() - 4);
    }

    Me me() {
        CurrentUser u = SecurityContext.require();
        Agent a = agents.selectByUserId(u.userId());
        if (a == null) {
            throw BizException.forbidden("您的账号不是坐席，不能使用电话控制");
        }
        if (a.getPhoneId() == null) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的工号" + a.getJobNo() + "尚未绑定话机");
        }
        if (a.state() == AgentState.SIGNED_OUT) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您尚未签入，请先在绑定的话机上签入");
        }
        Phone p = phones.selectByIdUnscoped(a.getPhoneId());
        if (p == null) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您绑定的话机已被删除");
        }
        return new Me(u, a, p, p.getGatewayId());
    }

    private static String endpointOf(Phone p) {
        return p.getEndpointName() != null && !p.getEndpointName().isBlank() ? p.getEndpointName() : p.getExtension();
    }

    private ChannelSnapshot channels(Me me) {
        return ChannelSnapshot.of(actions.sendList(me.gatewayId(), new CoreShowChannelsAction()));
    }

    private static ChannelSnapshot.Chan myCall(Me me, ChannelSnapshot snap) {
        return snap.myCall(me.endpoint()).orElseThrow(() ->
                new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的话机（分机 " + me.phone().getExtension() + "）当前没有通话"));
    }

    private ManagerResponse send(Me me, ManagerAction action, String what) {
        ManagerResponse r = actions.send(me.gatewayId(), action);
        if (r instanceof ManagerError || "Error".equalsIgnoreCase(r.getResponse())) {
            log.info("agent {}: {} refused by gateway {}: {}", me.agent().getJobNo(), action.getAction(), me.gatewayId(),
                    r.getMessage());
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, what + "失败：" + AsteriskMessages.translate(r.getMessage()));
        }
        return r;
    }
}
