package cn.heatdesk.callcenter.config;

import cn.heatdesk.callcenter.agi.FastAgiServer;
import cn.heatdesk.callcenter.ami.GatewayMonitor;
import cn.heatdesk.callcenter.ami.GatewayStatusView;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/health} component {@code callCenter}: DOWN when the FastAGI server could not listen (every call
 * would miss HeatDesk's IVR decisions); gateways that are not connected are listed but do not make HeatDesk DOWN —
 * the rest of the platform still works and a station gateway may be offline for maintenance.
 */
@Component("callCenter")
public class CallCenterHealthIndicator implements HealthIndicator {

    private final FastAgiServer agi;
    private final GatewayMonitor monitor;
    private final ObjectProvider<GatewayDirectory> directory;

    public CallCenterHealthIndicator(FastAgiServer agi, GatewayMonitor monitor, ObjectProvider<GatewayDirectory> directory) {
        this.agi = agi;
        this.monitor = monitor;
        this.directory = directory;
    }

    @Override
    public Health health() {
        Health.Builder h = agi.failure() == null ? Health.up() : Health.down().withDetail("fastAgiError", agi.failure());
        h.withDetail("fastAgiPort", agi.port());
        GatewayDirectory d = directory.getIfAvailable();
        List<GatewayEndpoint> gateways = d == null ? List.of() : d.enabledGateways();
        Map<String, String> links = new LinkedHashMap<>();
        int connected = 0;
        for (GatewayEndpoint g : gateways) {
            GatewayStatusView s = monitor.status(g.id());
            if (s.connected()) {
                connected++;
            }
            links.put(g.code(), s.connected() ? "已连接" : "未连接" + (s.lastError() == null ? "" : "：" + s.lastError()));
        }
        return h.withDetail("gateways", gateways.size()).withDetail("gatewaysConnected", connected)
                .withDetail("gatewayLinks", links).build();
    }
}
