package cn.heatdesk.callcenter.call;

import cn.heatdesk.callcenter.ami.GatewayActions;
import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.ami.GatewayEventListener;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.id.IdGenerator;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MixMonitorStartEvent;
import org.asteriskjava.manager.event.MixMonitorStopEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds call records from the gateways' AMI events (docs/call-records.md). A call is one Asterisk linkedid on one
 * gateway; its events arrive in order on one thread, different calls in parallel. The row is inserted when the
 * first channel appears and rewritten after every significant step (queue join, ring, answer, talk end, hold,
 * hang-up, recording) by the write-behind {@link CallWriter}, which folds the steps of a busy moment into one write;
 * a HeatDesk crash loses at most the steps of the last moments, which the reconciliation closes. After every (re)connect {@link #onConnected}
 * compares the calls believed live with Asterisk's CoreShowChannels: calls that ended meanwhile are closed with
 * what is known, channels nobody knew are adopted.
 */
@Component
public class CallTracker implements GatewayEventListener {

    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);
    /** late events (Cdr, a trailing Hangup) of a just finished call must not start a new one */
    static final Duration ENDED_MEMORY = Duration.ofMinutes(2);
    static final int MIN_RETENTION_YEARS = 3;
    /** channel variable of a callback's originate: the id of the missed call it returns (CtiService) */
    public static final String CTI_CALLBACK_OF = "CTI_CALLBACK_OF";
    /** channel variable CTI 挂断 sets on the agent's leg before hanging it up: the agent's cc_agent id */
    public static final String CTI_HANGUP = "CTI_HANGUP";
    /** channel variables the tracker reads (VarSet of any other variable is dropped on arrival) */
    public static final List<String> VARIABLES = List.of("MIXMONITOR_FILENAME", "BLACKLISTED", CTI_CALLBACK_OF, CTI_HANGUP,
            // read by the voicemail recorder (voicemail/VoicemailRecorder), listed here so the eventfilter keeps them
            "RECORDED_FILE", "RECORD_STATUS");
    /** … and by prefix (SURVEY_Q1, SURVEY_Q2 …) */
    public static final List<String> VARIABLE_PREFIXES = List.of("SURVEY_");
    private static final Set<Class<? extends ManagerEvent>> EVENTS = Set.of(CdrEvent.class, NewChannelEvent.class,
            NewStateEvent.class, HangupEvent.class, HangupRequestEvent.class, QueueCallerJoinEvent.class,
            QueueCallerLeaveEvent.class, QueueCallerAbandonEvent.class, AgentCalledEvent.class, AgentConnectEvent.class,
            AgentCompleteEvent.class, AgentRingNoAnswerEvent.class, BridgeEnterEvent.class, BridgeLeaveEvent.class,
            MusicOnHoldStartEvent.class, MusicOnHoldStopEvent.class, VarSetEvent.class, MixMonitorStartEvent.class,
            MixMonitorStopEvent.class, DialBeginEvent.class, DialEndEvent.class, OriginateResponseEvent.class);

    private final CallStore store;
    private final AgentResolver agents;
    private final GatewayDirectory gateways;
    private final GatewayActions actions;
    private final ScreenPop screenPop;
    private final RecordingStore recordingStore;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final int retentionYears;
    private final ZoneId zone = ZoneId.systemDefault();
    private Clock clock = Clock.systemDefaultZone();

    private final CallWriter writer;
    private static final long GATEWAY_TTL_NANOS = Duration.ofSeconds(30).toNanos();
    private final Map<Long, CachedGateway> gatewayCache = new ConcurrentHashMap<>();
    private final Map<LiveCall.Key, LiveCall> live = new ConcurrentHashMap<>();
    private final Map<LiveCall.Key, Instant> recentlyEnded = new ConcurrentHashMap<>();
    /** gateway -> when its AMI link dropped: the best known end of calls that ended while we were blind */
    private final Map<Long, Instant> disconnectedAt = new ConcurrentHashMap<>();

    public CallTracker(CallStore store, AgentResolver agents, GatewayDirectory gateways, GatewayActions actions,
                       ScreenPop screenPop, RecordingStore recordingStore, FieldCipher cipher, IdGenerator ids,
                       @Value("${heatdesk.callcenter.recording-retention-years:3}") int retentionYears) {
        this.store = store;
        this.agents = agents;
        this.gateways = gateways;
        this.actions = actions;
        this.screenPop = screenPop;
        this.recordingStore = recordingStore;
        this.cipher = cipher;
        this.ids = ids;
        if (retentionYears < MIN_RETENTION_YEARS) {
            log.warn("录音保存年限 {} 低于规定的 {} 年，按 {} 年执行 / recording retention raised to the minimum",
                    retentionYears, MIN_RETENTION_YEARS, MIN_RETENTION_YEARS);
        }
        this.retentionYears = Math.max(MIN_RETENTION_YEARS, retentionYears);
        this.writer = new CallWriter(store);
    }

    /** tests: a fixed clock for reconciliation times */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ events

    @Override
    public Set<Class<? extends ManagerEvent>> eventTypes() {
        return EVENTS;
    }

    @Override
    public boolean wants(ManagerEvent e) {
        return !(e instanceof VarSetEvent v) || readsVariable(v.getVariable());
    }

    static boolean readsVariable(String name) {
        if (name == null) {
            return false;
        }
        if (VARIABLES.contains(name)) {
            return true;
        }
        for (String p : VARIABLE_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onEvent(GatewayEvent ge) {
        ManagerEvent e = ge.event();
        try {
            if (e instanceof CdrEvent cdr) {
                onCdr(ge, cdr);
                return;
            }
            String linkedid = linkedid(e);
            if (linkedid == null || linkedid.isBlank()) {
                return;
            }
            LiveCall.Key key = new LiveCall.Key(ge.gatewayId(), linkedid);
            LiveCall call = live.get(key);
            if (call == null) {
                if (recentlyEnded.containsKey(key) || !opensCall(e)) {
                    return;
                }
                call = start(ge, key, e);
                if (call == null) {
                    return;
                }
            }
            synchronized (call) {
                if (call.row.endedAt == null) {
                    apply(call, ge, e);
                }
            }
        } catch (RuntimeException ex) {
            log.error("处理 AMI 事件失败 / tracking {} of gateway {} failed", e.getClass().getSimpleName(), ge.gatewayId(), ex);
        }
    }

    /** the gateway's subsidiary and org path for a new call: cached, a gateway row changes rarely */
    private GatewayEndpoint gateway(long gatewayId) {
        long now = System.nanoTime();
        CachedGateway cached = gatewayCache.get(gatewayId);
        if (cached == null || now - cached.loadedAt > GATEWAY_TTL_NANOS) {
            cached = new CachedGateway(gateways.find(gatewayId).orElse(null), now);
            gatewayCache.put(gatewayId, cached);
        }
        return cached.endpoint;
    }

    private record CachedGateway(GatewayEndpoint endpoint, long loadedAt) {
    }

    private static boolean opensCall(ManagerEvent e) {
        // a Hangup of an unknown channel has nothing left to record; anything else of a live channel is adopted
        return !(e instanceof HangupEvent) && !(e instanceof OriginateResponseEvent) && !(e instanceof CdrEvent);
    }

    static String linkedid(ManagerEvent e) {
        if (e instanceof NewChannelEvent x) return x.getLinkedid();
        if (e instanceof NewStateEvent x) return x.getLinkedId();
        if (e instanceof HangupEvent x) return x.getLinkedId();
        if (e instanceof HangupRequestEvent x) return x.getLinkedId();
        if (e instanceof QueueCallerJoinEvent x) return x.getLinkedId();
        if (e instanceof QueueCallerLeaveEvent x) return x.getLinkedId();
        if (e instanceof QueueCallerAbandonEvent x) return x.getLinkedId();
        if (e instanceof AgentCalledEvent x) return x.getLinkedId();
        if (e instanceof AgentConnectEvent x) return x.getLinkedId();
        if (e instanceof AgentCompleteEvent x) return x.getLinkedId();
        if (e instanceof AgentRingNoAnswerEvent x) return x.getLinkedId();
        if (e instanceof BridgeEnterEvent x) return x.getLinkedId();
        if (e instanceof BridgeLeaveEvent x) return x.getLinkedId();
        if (e instanceof MusicOnHoldStartEvent x) return x.getLinkedId();
        if (e instanceof MusicOnHoldStopEvent x) return x.getLinkedId();
        if (e instanceof VarSetEvent x) return x.getLinkedId();
        if (e instanceof MixMonitorStartEvent x) return x.getLinkedId();
        if (e instanceof MixMonitorStopEvent x) return x.getLinkedId();
        if (e instanceof DialBeginEvent x) return x.getLinkedId() != null ? x.getLinkedId() : x.getDestLinkedId();
        if (e instanceof DialEndEvent x) return x.getLinkedId() != null ? x.getLinkedId() : x.getDestLinkedId();
        // Originate gives the ChannelId as Uniqueid, which is the linkedid of the call it creates
        if (e instanceof OriginateResponseEvent x) return x.getUniqueId();
        return null;
    }

    private LiveCall start(GatewayEvent ge, LiveCall.Key key, ManagerEvent e) {
        Instant t = ge.receivedAt();
        GatewayEndpoint gw = gateway(ge.gatewayId());
        CallRow r = new CallRow();
        r.id = ids.nextId();
        r.gatewayId = ge.gatewayId();
        r.linkedid = key.linkedid;
        r.direction = CallCodes.IN;
        r.startedAt = time(t);
        r.status = CallCodes.LIVE;
        r.subsidiaryId = gw == null ? 0L : gw.subsidiaryId();
        r.orgPath = gw == null || gw.orgPath() == null ? "/" : gw.orgPath();
        r.createdAt = LocalDateTime.now();
        r.updatedAt = r.createdAt;
        boolean first = e instanceof NewChannelEvent nc && key.linkedid.equals(nc.getUniqueId());
        r.adopted = first ? 0 : 1;
        if (!first) {
            // HeatDesk may have restarted mid-call: continue the row of the database rather than start a second one
            CallRow known = store.byLinkedid(key.gatewayId, key.linkedid);
            if (known != null) {
                if (!CallCodes.LIVE.equals(known.status)) {
                    recentlyEnded.put(key, Instant.now());
                    return null;
                }
                LiveCall back = rehydrate(known);
                LiveCall prev = live.putIfAbsent(key, back);
                return prev != null ? prev : back;
            }
        }
        LiveCall c = new LiveCall(r);
        c.startedAt = t;
        LiveCall prev = live.putIfAbsent(key, c);
        if (prev != null) {
            return prev;
        }
        if (!first) {
            log.info("接管进行中的通话 / adopting call {} first seen by {}", key, e.getClass().getSimpleName());
        }
        // the row is written by the first step's save (the Newchannel adds the first leg)
        return c;
    }

    private void apply(LiveCall c, GatewayEvent ge, ManagerEvent e) {
        Instant t = ge.receivedAt();
        Step s = new Step();
        if (e instanceof NewChannelEvent x) {
            newChannel(c, s, t, x.getChannel(), x.getUniqueId(), x.getCallerIdNum(), x.getExten());
        } else if (e instanceof NewStateEvent x) {
            LiveCall.Leg l = leg(c, s, t, x.getChannel(), x.getUniqueId(), x.getCallerIdNum());
            if (Integer.valueOf(6).equals(x.getChannelState()) && l.row.answeredAt == null) {
                l.row.answeredAt = time(t);
                s.leg(l);
            }
        } else if (e instanceof QueueCallerJoinEvent x) {
            leg(c, s, t, x.getChannel(), x.getUniqueId(), x.getCallerIdNum());
            c.queueName = x.getQueue();
            c.row.queueName = x.getQueue();
            if (c.queuedAt == null) {
                c.queuedAt = t;
                c.row.queuedAt = time(t);
            }
            c.leftQueue = false;
            if (c.callerNumber == null) {
                setCaller(c, x.getCallerIdNum());
            }
            screenPop.prefetch(new LiveCall.Key(c.row.gatewayId, c.row.linkedid), c.callerNumber);
            s.call();
        } else if (e instanceof QueueCallerLeaveEvent x) {
            c.leftQueue = true;
            if (c.queuedAt != null && c.row.waitMs == null) {
                c.row.waitMs = ms(c.queuedAt, t);
            }
            s.call();
        } else if (e instanceof QueueCallerAbandonEvent x) {
            c.abandoned = true;
            c.leftQueue = true;
            if (c.row.waitMs == null) {
                c.row.waitMs = c.queuedAt != null ? ms(c.queuedAt, t)
                        : x.getHoldTime() == null ? null : x.getHoldTime() * 1000L;
            }
            s.call();
        } else if (e instanceof AgentCalledEvent x) {
            agentCalled(c, s, ge, x);
        } else if (e instanceof AgentRingNoAnswerEvent x) {
            Instant since = c.ringing.remove(x.getDestUniqueId());
            c.ringMs += since != null ? ms(since, t) : x.getRingtime() == null ? 0 : x.getRingtime();
            c.row.ringMs = c.ringMs;
            s.call();
        } else if (e instanceof AgentConnectEvent x) {
            Instant since = c.ringing.remove(x.getDestUniqueId());
            c.ringMs += since != null ? ms(since, t) : x.getRingtime() == null ? 0 : x.getRingtime() * 1000L;
            c.row.ringMs = c.ringMs;
            answered(c, t);
            c.leftQueue = true;
            if (c.queueName == null && x.getQueue() != null) {
                c.queueName = x.getQueue();
                c.row.queueName = x.getQueue();
            }
            if (c.row.waitMs == null && c.queuedAt != null) {
                c.row.waitMs = ms(c.queuedAt, t);
            }
            String device = x.getInterface();
            Optional<AgentRef> a = resolve(c.row.gatewayId, device, x.getMemberName());
            setAgent(c, a.orElse(null), device, x.getMemberName());
            LiveCall.Leg l = c.legs.get(x.getDestUniqueId());
            if (l != null) {
                markAgentLeg(l, a.orElse(null), x.getMemberName());
                if (l.row.answeredAt == null) {
                    l.row.answeredAt = time(t);
                }
                s.leg(l);
            }
            s.call();
        } else if (e instanceof AgentCompleteEvent x) {
            c.completeReason = x.getReason();
        } else if (e instanceof BridgeEnterEvent x) {
            LiveCall.Leg l = leg(c, s, t, x.getChannel(), x.getUniqueId(), x.getCallerIdNum());
            c.bridges.computeIfAbsent(x.getBridgeUniqueId(), b -> new HashSet<>()).add(x.getUniqueId());
            if (l.row.answeredAt == null) {
                l.row.answeredAt = time(t);
                s.leg(l);
            }
            if (c.bridgedPair()) {
                if (c.answeredAt == null) {
                    answered(c, t);
                    s.call();
                }
                if (c.row.agentUserId == null) {
                    agentFromBridge(c);
                    s.call();
                }
            }
            retime(c, s, t);
        } else if (e instanceof BridgeLeaveEvent x) {
            java.util.Set<String> members = c.bridges.get(x.getBridgeUniqueId());
            if (members != null) {
                members.remove(x.getUniqueId());
                if (members.isEmpty()) {
                    c.bridges.remove(x.getBridgeUniqueId());
                }
            }
            retime(c, s, t);
        } else if (e instanceof MusicOnHoldStartEvent x) {
            // music while queued is not hold; after the answer it is
            if (c.answeredAt != null) {
                c.holdSince.putIfAbsent(x.getUniqueId(), t);
                retime(c, s, t);
            }
        } else if (e instanceof MusicOnHoldStopEvent x) {
            Instant since = c.holdSince.remove(x.getUniqueId());
            if (since != null) {
                holdEnded(c, s, x.getUniqueId(), since, t);
                retime(c, s, t);
                s.call();
            }
        } else if (e instanceof VarSetEvent x) {
            varSet(c, s, t, x);
        } else if (e instanceof MixMonitorStartEvent x) {
            RecordingRow r = c.recordingByChannel.get(x.getUniqueId());
            if (r != null && r.endedAt != null) {
                // restarted on the same file after a stop: the file keeps growing
                r.endedAt = null;
                r.durationMs = null;
                s.rec(r);
            }
        } else if (e instanceof MixMonitorStopEvent x) {
            RecordingRow r = c.recordingByChannel.get(x.getUniqueId());
            if (r != null && r.endedAt == null) {
                closeRecording(c, r, t);
                s.rec(r);
            }
        } else if (e instanceof DialBeginEvent x) {
            dialBegin(c, s, t, x);
        } else if (e instanceof DialEndEvent x) {
            if (x.getDialStatus() != null && !"ANSWER".equals(x.getDialStatus()) && !"CANCEL".equals(x.getDialStatus())) {
                c.lastDialStatus = x.getDialStatus();
            }
        } else if (e instanceof HangupRequestEvent x) {
            LiveCall.Leg l = c.legs.get(x.getUniqueId());
            // a phone that was only ringing does not "hang up the call" (it rejected or gave up ringing)
            if (c.hangupParty == null && l != null && (l.first || l.row.answeredAt != null)) {
                c.hangupParty = l.row.party;
                if (CallCodes.AGENT.equals(l.row.party)) {
                    c.hangupAgent = agentOfLeg(c, l, null);
                }
            }
        } else if (e instanceof OriginateResponseEvent x) {
            if (!x.isSuccess()) {
                c.originateReason = x.getReason();
                s.call();
            }
        } else if (e instanceof HangupEvent x) {
            hangup(c, s, t, x);
        }
        flush(c, s);
    }

    private void newChannel(LiveCall c, Step s, Instant t, String channel, String uniqueid, String number, String exten) {
        if (c.legs.containsKey(uniqueid)) {
            return;
        }
        // the channel whose uniqueid is the linkedid started the call (it may be seen after others when adopted)
        boolean first = uniqueid.equals(c.row.linkedid) && c.legs.values().stream().noneMatch(l -> l.first);
        String device = device(channel);
        Optional<AgentRef> agent = channel != null && channel.startsWith("Local/") ? Optional.empty()
                : agents.byInterface(c.row.gatewayId, device);
        LiveCall.Leg l = addLeg(c, t, channel, uniqueid, number, first);
        if (first) {
            if (agent.isPresent()) {
                // a phone of ours starts the call: click-to-dial / an agent dialling out
                c.direction = CallCodes.OUT;
                c.row.direction = CallCodes.OUT;
                l.row.party = CallCodes.AGENT;
                markAgentLeg(l, agent.get(), null);
                setAgent(c, agent.get(), device, null);
                setCaller(c, number);
            } else {
                l.row.party = CallCodes.CALLER;
                setCaller(c, number);
                if (exten != null && !exten.isBlank() && !"s".equals(exten)) {
                    c.row.did = exten;
                    setCalled(c, exten);
                }
            }
        } else if (agent.isPresent()) {
            l.row.party = CallCodes.AGENT;
            markAgentLeg(l, agent.get(), null);
            if (CallCodes.OUT.equals(c.direction) && c.row.calledEnc == null) {
                // a phone of ours calling another phone of ours
                c.direction = CallCodes.INTERNAL;
                c.row.direction = CallCodes.INTERNAL;
            }
        } else {
            l.row.party = channel != null && channel.startsWith("Local/") ? CallCodes.SYSTEM : CallCodes.OUTSIDE;
        }
        s.leg(l);
        s.call();
    }

    private LiveCall.Leg addLeg(LiveCall c, Instant t, String channel, String uniqueid, String number, boolean first) {
        CallLegRow r = new CallLegRow();
        r.id = ids.nextId();
        r.callId = c.row.id;
        r.channel = channel == null ? "?" : channel;
        r.uniqueid = uniqueid;
        r.party = CallCodes.OUTSIDE;
        r.numberMask = number(number) == null ? null : Masking.phone(number(number));
        r.startedAt = time(t);
        r.subsidiaryId = c.row.subsidiaryId;
        r.orgPath = c.row.orgPath;
        LiveCall.Leg l = new LiveCall.Leg(r);
        l.started = t;
        l.first = first;
        c.legs.put(uniqueid, l);
        return l;
    }

    /** the leg of a channel, created when the Newchannel was missed (adopted calls) */
    private LiveCall.Leg leg(LiveCall c, Step s, Instant t, String channel, String uniqueid, String number) {
        LiveCall.Leg l = c.legs.get(uniqueid);
        if (l == null) {
            newChannel(c, s, t, channel, uniqueid, number, null);
            l = c.legs.get(uniqueid);
        }
        return l;
    }

    private void agentCalled(LiveCall c, Step s, GatewayEvent ge, AgentCalledEvent x) {
        Instant t = ge.receivedAt();
        c.row.ringAttempts++;
        if (c.row.firstRingAt == null) {
            c.row.firstRingAt = time(t);
        }
        c.ringing.put(x.getDestUniqueId(), t);
        if (c.queueName == null && x.getQueue() != null) {
            c.queueName = x.getQueue();
            c.row.queueName = x.getQueue();
        }
        if (c.callerNumber == null) {
            setCaller(c, x.getCallerIdNum());
        }
        Optional<AgentRef> a = resolve(c.row.gatewayId, x.getInterface(), x.getMemberName());
        LiveCall.Leg l = c.legs.get(x.getDestUniqueId());
        if (l == null && x.getDestUniqueId() != null) {
            l = addLeg(c, t, x.getDestChannel(), x.getDestUniqueId(), x.getDestCallerIdNum(), false);
        }
        if (l != null) {
            markAgentLeg(l, a.orElse(null), x.getMemberName());
            s.leg(l);
        }
        if (c.row.householdId == null) {
            c.row.householdId = screenPop.firstHouseholdId(c);
        }
        flush(c, s);
        if (!c.inserted) {
            // the row must exist before the console can act on the pop (link a ticket, …): a call this young is
            // written at once rather than behind
            writer.writeNow(c);
        }
        if (a.isPresent()) {
            // the panel lookup is asynchronous: a short call may have ended before it finishes, so the household is
            // adopted whenever it arrives (an ended call is written once more)
            screenPop.pushTo(c, a.get(), ge.receivedAt(), h -> adoptHousehold(c, h));
        } else {
            log.warn("振铃坐席未找到对应的 HeatDesk 用户，未弹屏 / no agent for member {} ({}) on gateway {}",
                    x.getInterface(), x.getMemberName(), c.row.gatewayId);
        }
    }

    private void adoptHousehold(LiveCall c, Long householdId) {
        if (householdId == null) {
            return;
        }
        synchronized (c) {
            if (c.row.householdId == null) {
                c.row.householdId = householdId;
                c.pendingCall = true;
                writer.mark(c);
            }
        }
    }

    private void dialBegin(LiveCall c, Step s, Instant t, DialBeginEvent x) {
        if (x.getDestUniqueId() == null) {
            return;
        }
        LiveCall.Leg dest = c.legs.get(x.getDestUniqueId());
        if (dest == null) {
            dest = leg(c, s, t, x.getDestChannel(), x.getDestUniqueId(), null);
        }
        // Originate's own dial of the agent phone has no source channel: that is not the number called
        if (x.getChannel() == null || c.row.calledEnc != null || !CallCodes.OUTSIDE.equals(dest.row.party)) {
            return;
        }
        String called = dialled(x.getDialString());
        setCalled(c, called);
        dest.row.numberMask = called == null ? null : Masking.phone(called);
        s.leg(dest);
        s.call();
    }

    /** "030123456789@9000" / "PJSIP/030123456789@trunk" -> 030123456789 */
    static String dialled(String dialString) {
        if (dialString == null) {
            return null;
        }
        String d = dialString;
        int slash = d.lastIndexOf('/');
        if (slash >= 0) {
            d = d.substring(slash + 1);
        }
        int at = d.indexOf('@');
        if (at >= 0) {
            d = d.substring(0, at);
        }
        return d.isBlank() ? null : d;
    }

    private void varSet(LiveCall c, Step s, Instant t, VarSetEvent x) {
        String name = x.getVariable();
        String value = x.getValue();
        if (name == null) {
            return;
        }
        switch (name) {
            case "MIXMONITOR_FILENAME" -> {
                if (value == null || value.isBlank()) {
                    return;
                }
                RecordingRow existing = c.recordings.stream().filter(r -> r.filePath.equals(value)).findFirst().orElse(null);
                if (existing != null) {
                    c.recordingByChannel.put(x.getUniqueId(), existing);
                    return;
                }
                RecordingRow r = new RecordingRow();
                r.id = ids.nextId();
                r.callId = c.row.id;
                r.gatewayId = c.row.gatewayId;
                r.channel = x.getChannel();
                r.filePath = value;
                r.startedAt = time(t);
                r.subsidiaryId = c.row.subsidiaryId;
                r.orgPath = c.row.orgPath;
                r.createdAt = LocalDateTime.now();
                c.recordings.add(r);
                c.recordingByChannel.put(x.getUniqueId(), r);
                if (c.row.recordingId == null) {
                    c.row.recordingId = r.id;
                }
                s.rec(r);
                s.call();
            }
            case "BLACKLISTED" -> {
                if ("1".equals(value) && !c.blacklisted) {
                    c.blacklisted = true;
                    s.call();
                }
            }
            case CTI_CALLBACK_OF -> {
                Long of = longOrNull(value);
                if (of != null && !of.equals(c.row.callbackOf)) {
                    c.row.callbackOf = of;
                    s.call();
                }
            }
            case CTI_HANGUP -> {
                // set by CTI 挂断 just before its AMI Hangup (which Asterisk reports as a SoftHangupRequest, not
                // as the HangupRequest of a phone): the agent ended the call, not the system
                LiveCall.Leg l = c.legs.get(x.getUniqueId());
                if (c.hangupParty == null && l != null) {
                    c.hangupParty = CallCodes.AGENT;
                    c.hangupAgent = agentOfLeg(c, l, longOrNull(value));
                }
            }
            case "SURVEY_Q1" -> {
                c.row.surveyScore = score(value);
                s.call();
            }
            case "SURVEY_Q2" -> {
                c.row.surveyScore2 = score(value);
                s.call();
            }
            default -> {
            }
        }
    }

    private void hangup(LiveCall c, Step s, Instant t, HangupEvent x) {
        LiveCall.Leg l = c.legs.get(x.getUniqueId());
        if (l == null) {
            l = addLeg(c, t, x.getChannel(), x.getUniqueId(), x.getCallerIdNum(), false);
        }
        if (l.row.endedAt == null) {
            l.ended = t;
            l.row.endedAt = time(t);
            l.row.hangupCause = x.getCause();
            l.row.hangupText = x.getCauseTxt();
            s.leg(l);
        }
        Instant ringing = c.ringing.remove(x.getUniqueId());
        if (ringing != null) {
            c.ringMs += ms(ringing, t);
            c.row.ringMs = c.ringMs;
        }
        Integer cause = x.getCause();
        if (cause != null && (cause == 17 || cause == 21) && !l.first) {
            c.rejectedByCause = true;
        }
        for (Map.Entry<String, RecordingRow> en : c.recordingByChannel.entrySet()) {
            if (en.getKey().equals(x.getUniqueId()) && en.getValue().endedAt == null) {
                closeRecording(c, en.getValue(), t);
                s.rec(en.getValue());
            }
        }
        if (c.allLegsEnded()) {
            finish(c, s, t, false);
        }
    }

    /** closes the call: durations, result, who hung up; the row goes ENDED */
    private void finish(LiveCall c, Step s, Instant t, boolean reconciled) {
        if (c.talkSince != null) {
            c.talkMs += ms(c.talkSince, t);
            c.talkSince = null;
        }
        for (Map.Entry<String, Instant> h : c.holdSince.entrySet()) {
            holdEnded(c, s, h.getKey(), h.getValue(), t);
        }
        c.holdSince.clear();
        for (Instant since : c.ringing.values()) {
            c.ringMs += ms(since, t);
        }
        c.ringing.clear();
        for (LiveCall.Leg l : c.legs.values()) {
            if (l.row.endedAt == null) {
                l.row.endedAt = time(t);
                l.row.hangupText = "HeatDesk 对账关闭";
                s.leg(l);
            }
        }
        for (RecordingRow r : c.recordings) {
            if (r.endedAt == null) {
                closeRecording(c, r, t);
            }
            r.retainUntil = r.endedAt.toLocalDate().plusYears(retentionYears);
            r.fileSize = recordingStore.resolve(r.gatewayId, r.filePath).map(CallTracker::size).orElse(r.fileSize);
            s.rec(r);
        }
        CallRow r = c.row;
        r.endedAt = time(t);
        r.talkMs = c.answeredAt == null ? null : c.talkMs;
        r.holdMs = c.answeredAt == null ? null : c.holdMs;
        r.ringMs = r.ringAttempts == 0 ? null : c.ringMs;
        if (r.waitMs == null && c.queuedAt != null) {
            r.waitMs = ms(c.queuedAt, c.answeredAt != null ? c.answeredAt : t);
        }
        r.hangupBy = hangupBy(c);
        AgentRef by = CallCodes.AGENT.equals(r.hangupBy) ? hangupAgent(c) : null;
        r.hangupAgentId = by == null ? null : by.agentId();
        r.hangupAgentName = by == null ? null : by.name();
        r.callResult = result(c);
        r.status = CallCodes.ENDED;
        r.reconciled = reconciled ? 1 : 0;
        if (r.householdId == null) {
            r.householdId = screenPop.firstHouseholdId(c);
        }
        s.call();
        LiveCall.Key key = new LiveCall.Key(r.gatewayId, r.linkedid);
        live.remove(key);
        recentlyEnded.put(key, Instant.now());
        screenPop.evict(key);
    }

    static String hangupBy(LiveCall c) {
        if (c.hangupParty != null) {
            return c.hangupParty;
        }
        if ("caller".equalsIgnoreCase(c.completeReason)) {
            return CallCodes.CALLER;
        }
        if ("agent".equalsIgnoreCase(c.completeReason)) {
            return CallCodes.AGENT;
        }
        return CallCodes.SYSTEM;
    }

    /** the agent who ended the call: the one seen hanging up, else (AgentComplete "agent") the call's agent */
    static AgentRef hangupAgent(LiveCall c) {
        if (c.hangupAgent != null) {
            return c.hangupAgent;
        }
        if (c.row.agentId == null && c.row.agentName == null) {
            return null;
        }
        return new AgentRef(c.row.agentId, c.row.agentUserId == null ? 0L : c.row.agentUserId, c.row.agentJobNo,
                c.row.agentName);
    }

    /** the agent on a leg: its phone's binding, else what the CTI said (agent id only) */
    private AgentRef agentOfLeg(LiveCall c, LiveCall.Leg l, Long agentIdFromCti) {
        Optional<AgentRef> a = l.row.channel == null || l.row.channel.startsWith("Local/") ? Optional.empty()
                : agents.byInterface(c.row.gatewayId, device(l.row.channel));
        if (a.isPresent()) {
            return a.get();
        }
        if (agentIdFromCti == null && l.row.agentUserId == null) {
            return null;
        }
        return new AgentRef(agentIdFromCti, l.row.agentUserId == null ? 0L : l.row.agentUserId, null, l.row.agentName);
    }

    /**
     * Talk time counts while two channels of the call share a bridge and nobody is on hold: a CTI hold takes both
     * out of the bridge, a phone's own hold keeps them bridged with music on one side — neither is talk.
     */
    private void retime(LiveCall c, Step s, Instant t) {
        boolean talking = c.bridgedPair() && c.holdSince.isEmpty();
        if (talking && c.talkSince == null) {
            c.talkSince = t;
        } else if (!talking && c.talkSince != null) {
            c.talkMs += ms(c.talkSince, t);
            c.talkSince = null;
            c.row.talkMs = c.talkMs;
            s.call();
        }
    }

    /** one hold period of one channel: the call's hold total and the leg's */
    private void holdEnded(LiveCall c, Step s, String uniqueid, Instant since, Instant t) {
        long held = ms(since, t);
        c.holdMs += held;
        c.row.holdMs = c.holdMs;
        LiveCall.Leg l = c.legs.get(uniqueid);
        if (l != null) {
            l.holdMs += held;
            l.row.holdMs = l.holdMs;
            s.leg(l);
        }
    }

    private static Long longOrNull(String v) {
        try {
            return v == null || v.isBlank() ? null : Long.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String result(LiveCall c) {
        if (c.blacklisted) {
            return CallCodes.BLACKLISTED;
        }
        if (c.answeredAt != null) {
            return CallCodes.ANSWERED;
        }
        if (CallCodes.IN.equals(c.direction)) {
            return c.abandoned || CallCodes.CALLER.equals(c.hangupParty) ? CallCodes.ABANDONED : CallCodes.NO_ANSWER;
        }
        Integer o = c.originateReason;
        if ("BUSY".equals(c.lastDialStatus) || c.rejectedByCause || Integer.valueOf(5).equals(o)) {
            return CallCodes.REJECTED;
        }
        if ("CHANUNAVAIL".equals(c.lastDialStatus) || "CONGESTION".equals(c.lastDialStatus)
                || (o != null && o != 3 && o != 5)) {
            return CallCodes.FAILED;
        }
        return CallCodes.NO_ANSWER;
    }

    private void answered(LiveCall c, Instant t) {
        if (c.answeredAt == null) {
            c.answeredAt = t;
            c.answered = true;
            c.row.answeredAt = time(t);
        }
    }

    private void agentFromBridge(LiveCall c) {
        for (Set<String> members : c.bridges.values()) {
            if (members.size() < 2) {
                continue;
            }
            for (String u : members) {
                LiveCall.Leg l = c.legs.get(u);
                if (l != null && CallCodes.AGENT.equals(l.row.party) && l.row.agentUserId != null) {
                    Optional<AgentRef> a = agents.byInterface(c.row.gatewayId, device(l.row.channel));
                    setAgent(c, a.orElse(null), device(l.row.channel), l.row.agentName);
                    return;
                }
            }
        }
    }

    private Optional<AgentRef> resolve(long gatewayId, String device, String memberName) {
        Optional<AgentRef> a = device == null ? Optional.empty() : agents.byInterface(gatewayId, device);
        if (a.isEmpty() && memberName != null && !memberName.isBlank()) {
            a = agents.byMemberName(gatewayId, memberName);
        }
        return a;
    }

    private static void setAgent(LiveCall c, AgentRef a, String device, String memberName) {
        c.row.agentInterface = device;
        if (a != null) {
            c.row.agentId = a.agentId();
            c.row.agentUserId = a.userId();
            c.row.agentJobNo = a.jobNo();
            c.row.agentName = a.name();
        } else if (memberName != null) {
            c.row.agentName = memberName;
        }
    }

    private static void markAgentLeg(LiveCall.Leg l, AgentRef a, String memberName) {
        l.row.party = CallCodes.AGENT;
        if (a != null) {
            l.row.agentUserId = a.userId();
            l.row.agentName = a.name();
        } else if (memberName != null) {
            l.row.agentName = memberName;
        }
    }

    private void setCaller(LiveCall c, String raw) {
        String n = number(raw);
        if (n == null) {
            return;
        }
        c.callerNumber = n;
        c.row.callerEnc = cipher.encrypt(n);
        c.row.callerIdx = cipher.blindIndexPhone(n);
        c.row.callerMask = Masking.phone(n);
    }

    private void setCalled(LiveCall c, String raw) {
        String n = number(raw);
        if (n == null) {
            return;
        }
        c.calledNumber = n;
        c.row.calledEnc = cipher.encrypt(n);
        c.row.calledIdx = cipher.blindIndexPhone(n);
        c.row.calledMask = Masking.phone(n);
    }

    /** Asterisk's placeholders for "no number" */
    static String number(String raw) {
        if (raw == null) {
            return null;
        }
        String n = raw.trim();
        if (n.isEmpty() || n.equalsIgnoreCase("<unknown>") || n.equalsIgnoreCase("anonymous")
                || n.equalsIgnoreCase("unknown")) {
            return null;
        }
        return n;
    }

    private void closeRecording(LiveCall c, RecordingRow r, Instant t) {
        r.endedAt = time(t);
        r.durationMs = Duration.between(r.startedAt, r.endedAt).toMillis();
    }

    private static Long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Integer score(String v) {
        try {
            return v == null || v.isBlank() ? null : Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** the device of a channel: PJSIP/8001-0000001e -> PJSIP/8001 */
    static String device(String channel) {
        if (channel == null) {
            return null;
        }
        int dash = channel.lastIndexOf('-');
        return dash > channel.indexOf('/') && dash > 0 ? channel.substring(0, dash) : channel;
    }

    private void onCdr(GatewayEvent ge, CdrEvent cdr) {
        // the Cdr names the call by its first channel's uniqueid; only an adopted call learns something new from
        // it (the real start time), everything else the events already told
        if (cdr.getUniqueId() == null) {
            return;
        }
        LiveCall c = live.get(new LiveCall.Key(ge.gatewayId(), cdr.getUniqueId()));
        if (c == null) {
            return;
        }
        synchronized (c) {
            if (c.row.adopted == 1 && cdr.getStartTimeAsDate() != null) {
                LocalDateTime start = LocalDateTime.ofInstant(cdr.getStartTimeAsDate().toInstant(), zone);
                if (start.isBefore(c.row.startedAt)) {
                    c.row.startedAt = start;
                    c.pendingCall = true;
                    writer.mark(c);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- persistence

    /** what one event changed */
    private static final class Step {
        boolean call;
        final Map<String, LiveCall.Leg> legs = new LinkedHashMap<>();
        final Map<Long, RecordingRow> recs = new LinkedHashMap<>();

        void call() {
            call = true;
        }

        void leg(LiveCall.Leg l) {
            legs.put(l.row.uniqueid, l);
        }

        void rec(RecordingRow r) {
            recs.put(r.id, r);
        }

        boolean empty() {
            return !call && legs.isEmpty() && recs.isEmpty();
        }

        void clear() {
            call = false;
            legs.clear();
            recs.clear();
        }
    }

    /** hands the step's changes to the write-behind (caller holds the call's monitor) */
    private void flush(LiveCall c, Step s) {
        if (s.empty()) {
            return;
        }
        c.pendingCall |= s.call || !c.inserted;
        c.pendingLegs.putAll(s.legs);
        c.pendingRecs.putAll(s.recs);
        s.clear();
        writer.mark(c);
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        return screenPop.awaitIdle(timeout) && writer.awaitIdle(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
    }

    @PreDestroy
    void stopWriter() {
        writer.stop(Duration.ofSeconds(10));
    }

    // ------------------------------------------------------------------------------------------ reconciliation

    @Override
    public void onDisconnected(long gatewayId) {
        disconnectedAt.put(gatewayId, clock.instant());
    }

    /**
     * Compares what we believe is live with what Asterisk says is live (CoreShowChannels). A restarted Asterisk
     * has no channels at all, so every call of the gateway is closed.
     */
    @Override
    public void onConnected(long gatewayId, boolean restarted) {
        List<ResponseEvent> list;
        try {
            list = actions.sendList(gatewayId, new CoreShowChannelsAction());
        } catch (RuntimeException e) {
            log.warn("对账失败：无法读取网关 {} 的通道 / CoreShowChannels failed: {}", gatewayId, e.toString());
            return;
        }
        Map<String, List<CoreShowChannelEvent>> alive = new LinkedHashMap<>();
        for (ResponseEvent re : list) {
            if (re instanceof CoreShowChannelEvent ch && ch.getLinkedid() != null) {
                alive.computeIfAbsent(ch.getLinkedid(), k -> new ArrayList<>()).add(ch);
            }
        }
        reconcile(gatewayId, alive);
    }

    void reconcile(long gatewayId, Map<String, List<CoreShowChannelEvent>> alive) {
        try {
            // calls that ended in memory must be ENDED in the database before it is read for live ones
            writer.awaitIdle(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant now = clock.instant();
        Instant blindSince = disconnectedAt.remove(gatewayId);
        // 1. calls in the database that this instance does not hold in memory (HeatDesk restarted)
        for (CallRow row : store.live(gatewayId)) {
            LiveCall.Key key = new LiveCall.Key(gatewayId, row.linkedid);
            if (!live.containsKey(key)) {
                live.putIfAbsent(key, rehydrate(row));
            }
        }
        // 2. every call we hold: closed if Asterisk no longer has it, legs brought up to date if it has
        for (LiveCall c : new ArrayList<>(live.values())) {
            if (c.row.gatewayId != gatewayId) {
                continue;
            }
            synchronized (c) {
                if (c.row.endedAt != null) {
                    continue;
                }
                List<CoreShowChannelEvent> channels = alive.remove(c.row.linkedid);
                Step s = new Step();
                if (channels == null) {
                    Instant end = blindSince != null ? blindSince : lastKnown(c, now);
                    finish(c, s, end.isAfter(now) ? now : end, true);
                } else {
                    Set<String> up = new HashSet<>();
                    for (CoreShowChannelEvent ch : channels) {
                        up.add(ch.getUniqueid());
                        if (!c.legs.containsKey(ch.getUniqueid())) {
                            newChannel(c, s, now, ch.getChannel(), ch.getUniqueid(), ch.getCallerIdNum(), null);
                        }
                    }
                    Instant end = blindSince != null ? blindSince : now;
                    for (LiveCall.Leg l : c.legs.values()) {
                        if (l.row.endedAt == null && !up.contains(l.row.uniqueid)) {
                            l.row.endedAt = time(end);
                            l.row.hangupText = "HeatDesk 对账关闭";
                            c.ringing.remove(l.row.uniqueid);
                            s.leg(l);
                        }
                    }
                    adoptBridges(c, channels, now, s);
                }
                flush(c, s);
            }
        }
        // 3. channels nobody knew: calls that started while we were blind
        for (Map.Entry<String, List<CoreShowChannelEvent>> en : alive.entrySet()) {
            adopt(gatewayId, en.getKey(), en.getValue(), now);
        }
    }

    private void adopt(long gatewayId, String linkedid, List<CoreShowChannelEvent> channels, Instant now) {
        LiveCall.Key key = new LiveCall.Key(gatewayId, linkedid);
        if (recentlyEnded.containsKey(key)) {
            return;
        }
        long longest = channels.stream().mapToLong(ch -> seconds(ch.getDuration())).max().orElse(0);
        Instant started = now.minusSeconds(longest);
        NewChannelEvent marker = new NewChannelEvent(this);
        marker.setUniqueId(linkedid);
        LiveCall c = start(new GatewayEvent(gatewayId, marker, started), key, marker);
        if (c == null) {
            return;
        }
        synchronized (c) {
            c.row.adopted = 1;
            Step s = new Step();
            List<CoreShowChannelEvent> ordered = new ArrayList<>(channels);
            ordered.sort((a, b) -> linkedid.equals(a.getUniqueid()) ? -1 : linkedid.equals(b.getUniqueid()) ? 1 : 0);
            for (CoreShowChannelEvent ch : ordered) {
                Instant legStart = now.minusSeconds(seconds(ch.getDuration()));
                newChannel(c, s, legStart, ch.getChannel(), ch.getUniqueid(), ch.getCallerIdNum(), ch.getExtension());
                if ("Queue".equalsIgnoreCase(ch.getApplication()) && ch.getApplicationdata() != null) {
                    String q = ch.getApplicationdata().split(",")[0];
                    c.queueName = q;
                    c.row.queueName = q;
                    c.queuedAt = now;
                    c.row.queuedAt = time(now);
                }
            }
            adoptBridges(c, channels, now, s);
            s.call();
            flush(c, s);
            log.info("对账接管通话 / adopted live call {} ({} channels)", key, channels.size());
        }
    }

    /** channels Asterisk reports bridged count as answered from now on (the true answer time is unknown) */
    private void adoptBridges(LiveCall c, List<CoreShowChannelEvent> channels, Instant now, Step s) {
        for (CoreShowChannelEvent ch : channels) {
            if (ch.getBridgeid() != null && !ch.getBridgeid().isBlank()) {
                c.bridges.computeIfAbsent(ch.getBridgeid(), b -> new HashSet<>()).add(ch.getUniqueid());
            }
        }
        if (c.bridgedPair()) {
            if (c.talkSince == null) {
                c.talkSince = now;
            }
            if (c.answeredAt == null) {
                answered(c, now);
                agentFromBridge(c);
            }
            s.call();
        }
    }

    /** a call row of the database back into memory, after HeatDesk restarted */
    private LiveCall rehydrate(CallRow row) {
        LiveCall c = new LiveCall(row);
        c.inserted = true;
        c.startedAt = row.startedAt.atZone(zone).toInstant();
        c.queueName = row.queueName;
        c.queuedAt = row.queuedAt == null ? null : row.queuedAt.atZone(zone).toInstant();
        c.leftQueue = row.waitMs != null || row.answeredAt != null;
        if (row.answeredAt != null) {
            c.answeredAt = row.answeredAt.atZone(zone).toInstant();
            c.answered = true;
            if (row.talkMs == null) {
                // no talk period ended yet: the conversation has been going on since the answer
                c.talkSince = c.answeredAt;
            }
        }
        c.ringMs = row.ringMs == null ? 0 : row.ringMs;
        c.talkMs = row.talkMs == null ? 0 : row.talkMs;
        c.holdMs = row.holdMs == null ? 0 : row.holdMs;
        if (row.callerEnc != null) {
            try {
                c.callerNumber = cipher.decrypt(row.callerEnc);
            } catch (RuntimeException e) {
                log.warn("无法解密通话 {} 的主叫号码 / caller number not decryptable", row.id);
            }
        }
        for (CallLegRow l : store.legs(row.id)) {
            LiveCall.Leg leg = new LiveCall.Leg(l);
            leg.persisted = true;
            leg.first = l.uniqueid.equals(row.linkedid);
            leg.started = l.startedAt.atZone(zone).toInstant();
            leg.holdMs = l.holdMs == null ? 0 : l.holdMs;
            c.legs.put(l.uniqueid, leg);
        }
        for (RecordingRow r : store.recordings(row.id)) {
            c.recordings.add(r);
            c.legs.values().stream().filter(l -> l.row.channel.equals(r.channel)).findFirst()
                    .ifPresent(l -> c.recordingByChannel.put(l.row.uniqueid, r));
        }
        return c;
    }

    /** the last step of the call we saw (every significant step is written, so this bounds the unseen end) */
    private Instant lastKnown(LiveCall c, Instant now) {
        LocalDateTime last = c.row.startedAt;
        for (LocalDateTime t : new LocalDateTime[]{c.row.queuedAt, c.row.firstRingAt, c.row.answeredAt}) {
            if (t != null && t.isAfter(last)) {
                last = t;
            }
        }
        for (LiveCall.Leg l : c.legs.values()) {
            for (LocalDateTime t : new LocalDateTime[]{l.row.startedAt, l.row.answeredAt, l.row.endedAt}) {
                if (t != null && t.isAfter(last)) {
                    last = t;
                }
            }
        }
        Instant i = last.atZone(zone).toInstant();
        return i.isAfter(now) ? now : i;
    }

    static long seconds(String hms) {
        if (hms == null || hms.isBlank()) {
            return 0;
        }
        long total = 0;
        try {
            for (String part : hms.trim().split(":")) {
                total = total * 60 + Long.parseLong(part);
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return total;
    }

    // -------------------------------------------------------------------------------------------------- views

    /** snapshot of the calls in progress, for the live figures */
    Collection<LiveCall> liveCalls() {
        return live.values();
    }

    /** the live row of a call (tests, the detail view of a live call) */
    Optional<CallRow> liveRow(long gatewayId, String linkedid) {
        LiveCall c = live.get(new LiveCall.Key(gatewayId, linkedid));
        return Optional.ofNullable(c == null ? null : c.row);
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetEnded() {
        Instant limit = Instant.now().minus(ENDED_MEMORY);
        recentlyEnded.entrySet().removeIf(en -> en.getValue().isBefore(limit));
    }

    private LocalDateTime time(Instant t) {
        return LocalDateTime.ofInstant(t, zone);
    }

    private static long ms(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
