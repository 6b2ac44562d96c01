package cn.heatdesk.kernel.signing;

/** Returned once when an app is created or its secret reset; HeatDesk cannot show the secret again later. */
public record IntegrationAppSecret(IntegrationApp app, String secret) {

    @Override
    public String toString() {
        return "IntegrationAppSecret[app=" + app + ", secret=<redacted>]";
    }
}
