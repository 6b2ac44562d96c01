package cn.heatdesk.settings.changelog.testapp;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.db.testsupport.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Base of the settings integration tests: one fresh database (HEATDESK_TEST_DB = h2 | postgresql | mariadb) and one
 * Spring context shared by every subclass. Tests share the data, so each makes its own codes with {@link #unique}.
 */
@SpringBootTest(classes = SettingsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "mybatis.mapper-locations=" + SettingsTestApplication.MAPPERS,
        "mybatis.configuration.map-underscore-to-camel-case=true",
        "spring.main.banner-mode=off",
        "logging.level.liquibase=WARN"
})
public abstract class SettingsIntegrationTest {

    private static final TestDatabases.Db DB = TestDatabases.create();
    private static final AtomicInteger SEQ = new AtomicInteger();

    public static final CurrentUser ADMIN = new CurrentUser(1L, "admin", "系统管理员", null, 1L, "/1/",
            DataScope.ALL, List.of(), Set.of("*"), Set.of("admin"));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** a code no other test uses, e.g. {@code t_17_3} */
    protected static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.currentTimeMillis() % 100_000, 36) + "_" + SEQ.incrementAndGet();
    }

    protected static <T> T asAdmin(Supplier<T> work) {
        return SecurityContext.callAs(ADMIN, work);
    }

    protected static void asAdmin(Runnable work) {
        SecurityContext.callAs(ADMIN, () -> {
            work.run();
            return null;
        });
    }

    protected static CurrentUser subsidiaryAdmin(long userId, long subsidiaryId) {
        return new CurrentUser(userId, "sub" + subsidiaryId, "分公司管理员" + subsidiaryId, subsidiaryId, subsidiaryId,
                "/1/" + subsidiaryId + "/", DataScope.SUBSIDIARY, List.of(), Set.of("settings:changelog"), Set.of("sub_admin"));
    }
}
