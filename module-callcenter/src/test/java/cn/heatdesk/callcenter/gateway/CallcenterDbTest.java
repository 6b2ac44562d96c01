package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.db.testsupport.TestDatabases;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Base of the gateway and agent tests: one fresh database (HEATDESK_TEST_DB = h2 | postgresql | mariadb) and one
 * Spring context shared by every subclass; tests make their own codes with {@link #unique}.
 */
@SpringBootTest(classes = CallcenterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "mybatis.mapper-locations=" + CallcenterTestApplication.MAPPERS,
        "mybatis.configuration.map-underscore-to-camel-case=true",
        "heatdesk.dictionary.cache-ttl=0s",
        "heatdesk.callcenter.wrapup-initial-delay-ms=3600000",
        "spring.main.banner-mode=off",
        "logging.level.liquibase=WARN"
})
public abstract class CallcenterDbTest {

    private static final TestDatabases.Db DB = TestDatabases.create();
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    public static final CurrentUser ADMIN = new CurrentUser(1L, "admin", "系统管理员", null, 1L, "/1/",
            DataScope.ALL, List.of(), Set.of("*"), Set.of("GROUP_ADMIN"));
    /** a subsidiary admin of 城北 (subsidiary 2) */
    public static final CurrentUser SUB_ADMIN = new CurrentUser(2L, "sub01admin", "分公司管理员", 2L, 2L, "/1/2/",
            DataScope.SUBSIDIARY, List.of(), Set.of("*"), Set.of("SUBSIDIARY_ADMIN"));

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected FakeGatewayActions ami;
    @Autowired
    protected RecordingLivePush live;
    @Autowired
    protected FakeDirectory directory;
    @Autowired
    protected GatewayService gateways;
    @Autowired
    protected PhoneService phones;
    @Autowired
    protected QueueService queues;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    protected static int next() {
        return SEQ.incrementAndGet();
    }

    protected static String unique(String prefix) {
        return prefix + next();
    }

    protected static <T> T as(CurrentUser u, Supplier<T> work) {
        return SecurityContext.callAs(u, work);
    }

    protected static <T> T asAdmin(Supplier<T> work) {
        return as(ADMIN, work);
    }

    protected static void asAdmin(Runnable work) {
        as(ADMIN, () -> {
            work.run();
            return null;
        });
    }

    protected static GatewayRequests.GatewaySave stationGateway(String code, long stationOrgId, String secret) {
        return new GatewayRequests.GatewaySave(code, "站部网关" + code, "STATION", stationOrgId, "10.0.0." + (next() % 250),
                5038, "heatdesk", secret, "10.0.0.1", 4573, "/var/spool/asterisk/monitor", true, null, null);
    }

    protected GatewayViews.GatewayView newGateway() {
        return asAdmin(() -> gateways.create(stationGateway(unique("GW"), FakeDirectory.ST01.id(), "s3cret-ami")));
    }

    protected GatewayViews.PhoneView newPhone(long gatewayId, String ext) {
        return asAdmin(() -> phones.create(new GatewayRequests.PhoneSave(gatewayId, ext, null, null, "Yealink T54W",
                null, null, true, null)));
    }

    protected GatewayViews.QueueView newQueue(long gatewayId, String name, String skill, int wrapup) {
        return asAdmin(() -> queues.create(new GatewayRequests.QueueSave(gatewayId, name, name + "队列", skill,
                "rrmemory", 15, wrapup, 300, true, null, null)));
    }
}
