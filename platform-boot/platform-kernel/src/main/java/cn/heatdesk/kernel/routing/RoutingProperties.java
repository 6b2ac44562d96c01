package cn.heatdesk.kernel.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code heatdesk.routing.subsidiaries.<subsidiaryId>.url/username/password}: subsidiaries that have their
 * own database. Empty by default.
 */
@ConfigurationProperties(prefix = "heatdesk.routing")
public class RoutingProperties {

    private Map<Long, Target> subsidiaries = new LinkedHashMap<>();

    public Map<Long, Target> getSubsidiaries() { return subsidiaries; }
    public void setSubsidiaries(Map<Long, Target> subsidiaries) { this.subsidiaries = subsidiaries; }

    public static class Target {
        private String url;
        private String username;
        private String password;

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }
}
