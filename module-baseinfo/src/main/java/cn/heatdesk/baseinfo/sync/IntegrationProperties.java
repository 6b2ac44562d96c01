package cn.heatdesk.baseinfo.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code heatdesk.integrations.*}: where the billing system and the smart heat network are, and how often and how
 * long HeatDesk pulls from them. Without a base-url no HTTP client is created and the pull job does nothing (the
 * console says 未配置). The cron expressions are read by {@link SyncJobs} directly from the same keys.
 */
@ConfigurationProperties(prefix = "heatdesk.integrations")
public class IntegrationProperties {

    private Endpoint billing = new Endpoint();
    private Endpoint heatnet = new Endpoint();
    private Retry retry = new Retry();

    public Endpoint getBilling() {
        return billing;
    }

    public void setBilling(Endpoint billing) {
        this.billing = billing;
    }

    public Endpoint getHeatnet() {
        return heatnet;
    }

    public void setHeatnet(Endpoint heatnet) {
        this.heatnet = heatnet;
    }

    public Retry getRetry() {
        return retry;
    }

    public void setRetry(Retry retry) {
        this.retry = retry;
    }

    public Endpoint endpoint(SyncSource source) {
        return source == SyncSource.BILLING ? billing : heatnet;
    }

    /** One external system reached over HTTP. */
    public static class Endpoint {
        /** e.g. https://billing.example.com/api/heatdesk; the feeds are below it */
        private String baseUrl;
        /** app key and secret when the system checks HeatDesk's requests with the HMAC-SM3 recipe (optional) */
        private String appKey;
        private String appSecret;
        /** records per page requested from the feed (1–1000) */
        private int pageSize = 500;
        /** when the scheduled pull runs (Spring cron, six fields); "-" turns the schedule off */
        private String cron = "0 */5 * * * *";
        /** false pauses the scheduled pull without removing the configuration ("立即同步" still works) */
        private boolean enabled = true;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        /** one run stops after this long and continues from its cursor next time */
        private Duration timeBudget = Duration.ofMinutes(4);

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        public boolean signing() {
            return appKey != null && !appKey.isBlank() && appSecret != null && !appSecret.isBlank();
        }

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getAppKey() {
            return appKey;
        }

        public void setAppKey(String appKey) {
            this.appKey = appKey;
        }

        public String getAppSecret() {
            return appSecret;
        }

        public void setAppSecret(String appSecret) {
            this.appSecret = appSecret;
        }

        public int getPageSize() {
            return pageSize;
        }

        public void setPageSize(int pageSize) {
            this.pageSize = pageSize;
        }

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public Duration getTimeBudget() {
            return timeBudget;
        }

        public void setTimeBudget(Duration timeBudget) {
            this.timeBudget = timeBudget;
        }

        @Override
        public String toString() {
            return "Endpoint[baseUrl=" + baseUrl + ", appKey=" + appKey + ", secret=<redacted>]";
        }
    }

    /** The retry job of failed records. */
    public static class Retry {
        /** records retried per run of the job */
        private int batchSize = 200;
        /** pause between runs of the job (read by {@link SyncJobs} from the same key) */
        private Duration interval = Duration.ofSeconds(30);

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }
}
