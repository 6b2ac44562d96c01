package cn.heatdesk.callcenter.call;

import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.kernel.crypto.FieldCipher;
import org.asteriskjava.manager.event.ManagerEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared context: H2 with the call changelog; each test replays its transcripts on a gateway id of its own. */
@SpringBootTest(classes = CallTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:hd_call_unit;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.liquibase.change-log=classpath:call/call-tables-changelog.xml",
        "mybatis.mapper-locations=classpath*:mapper/callcenter/Call*.xml,classpath*:mapper/callcenter/Recording*.xml,"
                + "classpath*:mapper/callcenter/AgentFigures*.xml",
        "mybatis.configuration.map-underscore-to-camel-case=true",
        "spring.main.web-application-type=none"})
abstract class CallTestSupport {

    private static final AtomicLong GATEWAYS = new AtomicLong(100);

    @Autowired
    CallTracker tracker;
    @Autowired
    CallMapper calls;
    @Autowired
    RecordingMapper recordings;
    @Autowired
    FieldCipher cipher;
    @Autowired
    CallTestApp.Pushes pushes;
    @Autowired
    CallTestApp.Numbers numbers;
    @Autowired
    CallTestApp.FakeActions actions;
    @Autowired
    CallTestApp.Audience audience;

    static long newGateway() {
        return GATEWAYS.incrementAndGet();
    }

    /** feeds the transcript's events to the tracker in order; returns how many were fed */
    int replay(String file, long gw) {
        return replay(file, gw, e -> false, tracker);
    }

    /** feeds events up to and including the first one matching {@code stopAfter} */
    int replay(String file, long gw, Predicate<ManagerEvent> stopAfter, CallTracker t) {
        List<FixtureEvents.Received> events = FixtureEvents.load(file);
        assertThat(events).isNotEmpty();
        int n = 0;
        for (FixtureEvents.Received r : events) {
            t.onEvent(new GatewayEvent(gw, r.event(), r.at()));
            n++;
            if (stopAfter.test(r.event())) {
                break;
            }
        }
        written(t);
        return n;
    }

    /** the events after the first one matching {@code after} */
    void replayRest(String file, long gw, Predicate<ManagerEvent> after, CallTracker t) {
        boolean on = false;
        for (FixtureEvents.Received r : FixtureEvents.load(file)) {
            if (on) {
                t.onEvent(new GatewayEvent(gw, r.event(), r.at()));
            } else if (after.test(r.event())) {
                on = true;
            }
        }
        assertThat(on).as("split point found").isTrue();
        written(t);
    }

    CallRow call(long gw, String linkedid) {
        written(tracker);
        CallRow r = calls.selectByLinkedid(gw, linkedid);
        assertThat(r).as("call %s on gateway %s", linkedid, gw).isNotNull();
        return r;
    }

    /** waits for the tracker's write-behind: what the events changed is in the database */
    static void written(CallTracker t) {
        try {
            assertThat(t.awaitIdle(java.time.Duration.ofSeconds(10))).as("call writes done").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.time.LocalDateTime at(String utc) {
        return FixtureEvents.local(utc);
    }
}
