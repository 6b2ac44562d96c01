package cn.heatdesk.notice.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code heatdesk.notice.*}: outbox dispatch, channel adapters and live push. Documented in docs/notice.md. */
@ConfigurationProperties(prefix = "heatdesk.notice")
public class NoticeProperties {

    private Outbox outbox = new Outbox();
    private Sms sms = new Sms();
    private Wechat wechat = new Wechat();
    private AppPush appPush = new AppPush();
    private Live live = new Live();

    public Outbox getOutbox() { return outbox; }
    public void setOutbox(Outbox outbox) { this.outbox = outbox; }
    public Sms getSms() { return sms; }
    public void setSms(Sms sms) { this.sms = sms; }
    public Wechat getWechat() { return wechat; }
    public void setWechat(Wechat wechat) { this.wechat = wechat; }
    public AppPush getAppPush() { return appPush; }
    public void setAppPush(AppPush appPush) { this.appPush = appPush; }
    public Live getLive() { return live; }
    public void setLive(Live live) { this.live = live; }

    public static class Outbox {
        /** pause between dispatcher runs (the @Scheduled fixed delay reads the same key) */
        private Duration interval = Duration.ofSeconds(5);
        /** rows claimed per run and database */
        private int batchSize = 50;
        /** tries per row before it is DEAD (a manual retry grants another round) */
        private int maxAttempts = 6;
        /** wait after the 1st, 2nd … failed try; the last value repeats */
        private List<Duration> backoff = new ArrayList<>(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(2)));
        /** how long a claimed row is hidden from other dispatchers while it is being sent (longer than any timeout) */
        private Duration claimLease = Duration.ofMinutes(2);

        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public List<Duration> getBackoff() { return backoff; }
        public void setBackoff(List<Duration> backoff) { this.backoff = backoff; }
        public Duration getClaimLease() { return claimLease; }
        public void setClaimLease(Duration claimLease) { this.claimLease = claimLease; }
    }

    public static class Sms {
        /** log (writes the message to the application log; demo default) or http (SMS gateway) */
        private String adapter = "log";
        private Http http = new Http();

        public String getAdapter() { return adapter; }
        public void setAdapter(String adapter) { this.adapter = adapter; }
        public Http getHttp() { return http; }
        public void setHttp(Http http) { this.http = http; }
    }

    /** The HTTP SMS gateway: JSON POST signed with HMAC-SM3. */
    public static class Http {
        private String url;
        /** identifies HeatDesk to the gateway (header X-HeatDesk-AppKey) */
        private String appKey = "heatdesk";
        /** HMAC-SM3 key of the X-HeatDesk-Signature header */
        private String secret;
        /** optional SMS signature name passed to the gateway (e.g. 城北热力) */
        private String signName;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getAppKey() { return appKey; }
        public void setAppKey(String appKey) { this.appKey = appKey; }
        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public String getSignName() { return signName; }
        public void setSignName(String signName) { this.signName = signName; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getReadTimeout() { return readTimeout; }
        public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
    }

    /** WeChat official account template messages. */
    public static class Wechat {
        private String adapter = "wechat";
        private String baseUrl = "https://api.weixin.qq.com";
        private String appId;
        private String appSecret;
        /** page opened when the user taps the message (optional); {bizType}, {bizId} are replaced */
        private String linkUrl;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);

        public String getAdapter() { return adapter; }
        public void setAdapter(String adapter) { this.adapter = adapter; }
        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
        public String getAppId() { return appId; }
        public void setAppId(String appId) { this.appId = appId; }
        public String getAppSecret() { return appSecret; }
        public void setAppSecret(String appSecret) { this.appSecret = appSecret; }
        public String getLinkUrl() { return linkUrl; }
        public void setLinkUrl(String linkUrl) { this.linkUrl = linkUrl; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getReadTimeout() { return readTimeout; }
        public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
    }

    public static class AppPush {
        /** live: the field app's open live-push connections (topic "notice") */
        private String adapter = "live";

        public String getAdapter() { return adapter; }
        public void setAdapter(String adapter) { this.adapter = adapter; }
    }

    public static class Live {
        /** comment line sent to every open stream so proxies keep it open and dead ones are noticed */
        private Duration heartbeat = Duration.ofSeconds(20);
        /** a stream ends after this long; the client reconnects (re-checks the login) */
        private Duration streamTimeout = Duration.ofMinutes(30);
        /** open streams per user (several tabs, the app); the oldest is closed beyond it */
        private int maxStreamsPerUser = 8;
        /** auto: relay through Redis when sessions are in Redis (heatdesk.session.store=redis); none: this instance only */
        private String relay = "auto";

        public Duration getHeartbeat() { return heartbeat; }
        public void setHeartbeat(Duration heartbeat) { this.heartbeat = heartbeat; }
        public Duration getStreamTimeout() { return streamTimeout; }
        public void setStreamTimeout(Duration streamTimeout) { this.streamTimeout = streamTimeout; }
        public int getMaxStreamsPerUser() { return maxStreamsPerUser; }
        public void setMaxStreamsPerUser(int maxStreamsPerUser) { this.maxStreamsPerUser = maxStreamsPerUser; }
        public String getRelay() { return relay; }
        public void setRelay(String relay) { this.relay = relay; }
    }
}
