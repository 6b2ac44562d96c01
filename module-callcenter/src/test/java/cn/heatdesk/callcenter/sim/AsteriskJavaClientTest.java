package cn.heatdesk.callcenter.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * asterisk-java 3.42.2's own ManagerConnection (MD5 challenge login, version detection via CoreSettings) against
 * the simulator: typed actions out, typed events in with their getters filled.
 */
class AsteriskJavaClientTest {

    private static final Duration T = Duration.ofSeconds(10);
    private AsteriskSimulator sim;
    private ManagerConnection conn;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = new AsteriskSimulator(new SimConfig().promptDuration(Duration.ofSeconds(5)));
        sim.start();
        conn = new ManagerConnectionFactory("127.0.0.1", sim.port(), "heatdesk", "heatdesk-secret")
                .createManagerConnection();
        conn.addEventListener(events::add);
        conn.login();
    }

    @AfterEach
    void stop() {
        if (conn != null && conn.getState() == ManagerConnectionState.CONNECTED) {
            conn.logoff();
        }
        sim.stop();
    }

    @SuppressWarnings("unchecked")
    private <E extends ManagerEvent> E awaitEvent(Class<E> type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + T.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (ManagerEvent e : events) {
                if (type.isInstance(e)) {
                    return (E) e;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + T);
    }

    @Test
    void typedActionsAndEvents_forAQueueCall() throws Exception {
        assertThat(conn.getVersion()).isNotNull();
        QueueAddAction add = new QueueAddAction("repair", "PJSIP/8001", 0);
        add.setMemberName("Anna Agent");
        add.setStateInterface("PJSIP/8001");
        ManagerResponse r = conn.sendAction(add, 5000);
        assertThat(r.getResponse()).isEqualTo("Success");
        assertThat(r.getMessage()).isEqualTo("Added interface to queue");
        QueueMemberAddedEvent added = awaitEvent(QueueMemberAddedEvent.class);
        assertThat(added.getMemberName()).isEqualTo("Anna Agent");
        assertThat(added.getQueue()).isEqualTo("repair");

        ResponseEvents status = conn.sendEventGeneratingAction(new QueueStatusAction(), 5000);
        assertThat(status.getEvents()).anyMatch(e -> e instanceof QueueParamsEvent p
                && "repair".equals(p.getQueue()) && "rrmemory".equals(p.getStrategy()));

        CallHandle call = sim.incomingCall("+4915112345678", "Max Mustermann", "4930123456");
        assertThat(call.awaitActivity("BackGround", T)).isTrue();
        call.press("1");
        QueueCallerJoinEvent join = awaitEvent(QueueCallerJoinEvent.class);
        assertThat(join.getQueue()).isEqualTo("repair");
        assertThat(join.getCallerIdNum()).isEqualTo("+4915112345678");
        AgentCalledEvent called = awaitEvent(AgentCalledEvent.class);
        assertThat(called.getQueue()).isEqualTo("repair");
        assertThat(called.getInterface()).isEqualTo("PJSIP/8001");
        assertThat(called.getMemberName()).isEqualTo("Anna Agent");
        assertThat(called.getChannel()).isEqualTo(call.channel());
        assertThat(called.getDestChannel()).startsWith("PJSIP/8001-");
        assertThat(called.getLinkedId()).isEqualTo(call.linkedid());
        sim.phone("8001").answer();
        AgentConnectEvent connect = awaitEvent(AgentConnectEvent.class);
        assertThat(connect.getMemberName()).isEqualTo("Anna Agent");
        assertThat(connect.getUniqueId()).isEqualTo(call.uniqueid());
        call.hangup();
        AgentCompleteEvent complete = awaitEvent(AgentCompleteEvent.class);
        assertThat(complete.getReason()).isEqualTo("caller");
        assertThat(complete.getQueue()).isEqualTo("repair");
    }

    @Test
    void asyncOriginate_withChannelId_givesOriginateResponseWithThatUniqueid() throws Exception {
        sim.phone("8002").autoAnswer(Duration.ZERO);
        OriginateAction o = new OriginateAction();
        o.setChannel("PJSIP/8002");
        o.setContext("click-to-dial");
        o.setExten("030123456789");
        o.setPriority(1);
        o.setCallerId("\"Bernd Agent\" <8002>");
        o.setTimeout(5000L);
        o.setAsync(true);
        o.setChannelId("c2d-bernd-0001");
        o.setVariable("CRM_TICKET", "4711");
        ManagerResponse r = conn.sendAction(o, 5000);
        assertThat(r.getMessage()).isEqualTo("Originate successfully queued");
        OriginateResponseEvent e = awaitEvent(OriginateResponseEvent.class);
        assertThat(e.getResponse()).isEqualTo("Success");
        assertThat(e.getReason()).isEqualTo(4);
        assertThat(e.getUniqueId()).isEqualTo("c2d-bernd-0001");
        assertThat(sim.remoteParty("030123456789").awaitRinging(T)).isTrue();
    }
}
