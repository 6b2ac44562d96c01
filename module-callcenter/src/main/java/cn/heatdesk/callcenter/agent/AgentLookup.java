package cn.heatdesk.callcenter.agent;

import cn.heatdesk.callcenter.call.AgentRef;
import cn.heatdesk.callcenter.call.AgentResolver;
import cn.heatdesk.callcenter.gateway.PhoneService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who a queue member or phone is, from memory ({@link AgentResolver} for the call tracker, which asks on the event
 * thread for every new channel). The bindings are loaded in one query and reloaded when this instance changes a
 * binding and at most {@code heatdesk.callcenter.agent-lookup-ttl} (10 s) after another instance did; a stale
 * snapshot keeps answering while one thread reloads, so event threads never wait on the database after the first
 * load.
 */
@Component
public class AgentLookup implements AgentResolver {

    private static final Logger log = LoggerFactory.getLogger(AgentLookup.class);

    private record Snapshot(Map<String, AgentRef> byEndpoint, Map<String, AgentRef> byJobNo, long loadedAt) {
    }

    private final AgentMapper agents;
    private final long ttlNanos;
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile Snapshot snapshot;

    public AgentLookup(AgentMapper agents, @Value("${heatdesk.callcenter.agent-lookup-ttl:10s}") Duration ttl) {
        this.agents = agents;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public Optional<AgentRef> byInterface(long gatewayId, String memberInterface) {
        String endpoint = PhoneService.endpointOf(memberInterface);
        if (endpoint == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(current().byEndpoint().get(gatewayId + "/" + endpoint));
    }

    /** MemberName as given at QueueAdd: "{@code <jobNo> <name>}" */
    @Override
    public Optional<AgentRef> byMemberName(long gatewayId, String memberName) {
        if (memberName == null || memberName.isBlank()) {
            return Optional.empty();
        }
        String jobNo = memberName.strip().split("\\s+", 2)[0];
        return Optional.ofNullable(current().byJobNo().get(gatewayId + "/" + jobNo.toUpperCase(Locale.ROOT)));
    }

    /** forget the snapshot: the next lookup reloads (called after this instance changed a binding) */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = load();
                    snapshot = s;
                }
            }
            return s;
        }
        if (System.nanoTime() - s.loadedAt() > ttlNanos && loading.compareAndSet(false, true)) {
            try {
                snapshot = load();
            } catch (RuntimeException e) {
                log.warn("reloading agent bindings failed, keeping the last ones: {}", e.toString());
            } finally {
                loading.set(false);
            }
            return snapshot == null ? s : snapshot;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, AgentRef> byEndpoint = new HashMap<>();
        Map<String, AgentRef> byJobNo = new HashMap<>();
        for (AgentBinding b : agents.selectBindings()) {
            AgentRef ref = new AgentRef(b.getAgentId(), b.getUserId(), b.getJobNo(), b.getAgentName());
            byEndpoint.put(b.getGatewayId() + "/" + b.getEndpointName(), ref);
            byJobNo.put(b.getGatewayId() + "/" + b.getJobNo().toUpperCase(Locale.ROOT), ref);
        }
        return new Snapshot(Map.copyOf(byEndpoint), Map.copyOf(byJobNo), System.nanoTime());
    }
}
