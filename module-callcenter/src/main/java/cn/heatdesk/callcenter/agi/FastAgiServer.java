package cn.heatdesk.callcenter.agi;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FastAGI server (asterisk-java's {@link DefaultAgiServer}) serving every {@link CallCenterAgiScript} bean. An
 * unknown script name gets asterisk-java's answer (the channel continues in the dialplan with AGISTATUS=FAILURE, so
 * the dialplan's fallback applies).
 */
@Component
public class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final AgiProperties props;
    private final List<CallCenterAgiScript> scripts;
    private volatile DefaultAgiServer server;
    private volatile Thread thread;
    private volatile int port;
    private volatile String failure;

    public FastAgiServer(AgiProperties props, List<CallCenterAgiScript> scripts) {
        this.props = props;
        this.scripts = scripts;
    }

    /** the port the server listens on (the chosen one when configured as 0); 0 when not running */
    public int port() {
        return port;
    }

    /** why the server is not serving (the port was taken …), null while it is fine */
    public String failure() {
        return failure;
    }

    public Map<String, String> scripts() {
        Map<String, String> out = new LinkedHashMap<>();
        scripts.forEach(s -> out.put(s.scriptName(), s.getClass().getSimpleName()));
        return out;
    }

    @Override
    public void start() {
        if (!props.enabled()) {
            log.info("FastAGI server disabled (heatdesk.callcenter.agi.enabled=false)");
            return;
        }
        Map<String, AgiScript> mappings = new LinkedHashMap<>();
        for (CallCenterAgiScript s : scripts) {
            if (mappings.put(s.scriptName(), s) != null) {
                throw new IllegalStateException("two FastAGI scripts named " + s.scriptName());
            }
        }
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(mappings);
        DefaultAgiServer s = new DefaultAgiServer(mapping);
        int p = props.port() == 0 ? freePort() : props.port();
        s.setPort(p);
        s.setPoolSize(props.poolSize());
        s.setMaximumPoolSize(props.maxPoolSize());
        try {
            if (props.bindAddress() != null && !props.bindAddress().isBlank()) {
                s.setAddress(InetAddress.getByName(props.bindAddress()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("FastAGI bind address " + props.bindAddress(), e);
        }
        failure = null;
        Thread t = new Thread(() -> {
            try {
                s.startup();
            } catch (IOException | IllegalStateException e) {
                // the dialplan falls back without HeatDesk; health says why
                failure = "端口 " + p + " 无法监听：" + e.getMessage();
                log.error("FastAGI server on port {} stopped: {}", p, e.toString());
            }
        }, "fastagi-accept");
        t.setDaemon(true);
        server = s;
        port = p;
        thread = t;
        t.start();
        log.info("FastAGI server listening on port {} with scripts {}", p, mappings.keySet());
    }

    @Override
    public void stop() {
        DefaultAgiServer s = server;
        server = null;
        port = 0;
        if (s != null) {
            try {
                s.shutdown();
            } catch (IllegalStateException e) {
                log.debug("FastAGI server was not running: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for FastAGI", e);
        }
    }
}
