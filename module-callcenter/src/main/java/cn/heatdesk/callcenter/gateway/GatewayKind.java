package cn.heatdesk.callcenter.gateway;

import java.util.Optional;

/** 总部网关 / 站部网关 */
public enum GatewayKind {
    HQ("总部网关"),
    STATION("站部网关");

    private final String label;

    GatewayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<GatewayKind> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (GatewayKind k : values()) {
            if (k.name().equalsIgnoreCase(s.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static String labelOf(String code) {
        return parse(code).map(GatewayKind::label).orElse(code);
    }
}
