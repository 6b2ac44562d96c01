package cn.heatdesk.kernel.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Top-level {@code heatdesk.*} settings shared by the kernel. */
@ConfigurationProperties(prefix = "heatdesk")
public class HeatDeskProperties {

    /** where the embedded database, keys and uploads live */
    private String dataDir = "./data";
    /** demo mode: demo data, documented demo passwords, API docs without login */
    private boolean demo = false;
    private final Security security = new Security();
    private final Session session = new Session();

    public String getDataDir() { return dataDir; }
    public void setDataDir(String dataDir) { this.dataDir = dataDir; }
    public boolean isDemo() { return demo; }
    public void setDemo(boolean demo) { this.demo = demo; }
    public Security getSecurity() { return security; }
    public Session getSession() { return session; }

    public static class Security {
        /** serve /v3/api-docs and Swagger UI without login (demo only) */
        private boolean docsPublic = false;

        public boolean isDocsPublic() { return docsPublic; }
        public void setDocsPublic(boolean docsPublic) { this.docsPublic = docsPublic; }
    }

    public static class Session {
        /** memory (single node) or redis (several instances) */
        private String store = "memory";

        public String getStore() { return store; }
        public void setStore(String store) { this.store = store; }
    }
}
