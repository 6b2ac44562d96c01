package cn.heatdesk.app;

import cn.heatdesk.kernel.config.HeatDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started HeatDesk where the console is and, in the demo, how to log in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final HeatDeskProperties properties;

    StartupBanner(HeatDeskProperties properties) {
        this.properties = properties;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return; // external container (WAR) or command-line tool: the container knows its own address
        }
        String contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
        String url = "http://localhost:" + web.getWebServer().getPort() + contextPath + "/";
        StringBuilder sb = new StringBuilder("\n================ HeatDesk 供热客服平台已启动 ================\n");
        sb.append("  控制台地址 Console : ").append(url).append('\n');
        sb.append("  接口文档 API docs  : ").append(url).append("swagger-ui.html\n");
        sb.append("  数据目录 Data dir  : ").append(properties.getDataDir()).append('\n');
        if (properties.isDemo()) {
            sb.append("  演示账号（密码均为 HeatDesk@2026，仅限演示环境）:\n");
            sb.append("    集团管理员 admin | 分公司管理员 sub01admin | 客服坐席 agent01\n");
            sb.append("    班长 monitor01 | 维修站负责人 lead01 | 维修员/网格员 worker01\n");
        }
        sb.append("=============================================================");
        log.info(sb.toString());
    }
}
