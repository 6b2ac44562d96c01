package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.config.KernelConfiguration;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Sm4Gcm;
import cn.heatdesk.settings.dict.DictLookup;
import liquibase.integration.spring.SpringLiquibase;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A narrow application for the gateway and agent tests: the gateway and agent packages with their real mappers on
 * a real database (kernel/001 + settings/001–002 + callcenter/001), the settings dictionary lookup, and fakes for
 * what lies outside: users and orgs ({@link FakeDirectory}), the AMI layer ({@link FakeGatewayActions}) and live
 * push ({@link RecordingLivePush}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"cn.heatdesk.callcenter.gateway", "cn.heatdesk.callcenter.agent"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CallcenterTestApplication.class))
@MapperScan(basePackages = {"cn.heatdesk.callcenter.gateway", "cn.heatdesk.callcenter.agent", "cn.heatdesk.settings.dict"},
        annotationClass = Mapper.class)
@Import({KernelConfiguration.class, DictLookup.class})
public class CallcenterTestApplication {

    public static final String MAPPERS = "classpath*:mapper/callcenter/Gateway*.xml,classpath*:mapper/callcenter/Phone*.xml,"
            + "classpath*:mapper/callcenter/Queue*.xml,classpath*:mapper/callcenter/Agent*.xml,"
            + "classpath*:mapper/settings/Dict*.xml";

    @Bean
    public FieldCipher fieldCipher() {
        return new FieldCipher(Sm4Gcm.single("v1", Sm4Gcm.generateKey()),
                "test-blind-index-key-0123456789".getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    public FakeDirectory fakeDirectory() {
        return new FakeDirectory();
    }

    @Bean
    public FakeDirectory.Orgs fakeOrgs() {
        return new FakeDirectory.Orgs();
    }

    @Bean
    public FakeGatewayActions fakeGatewayActions() {
        return new FakeGatewayActions();
    }

    @Bean
    public RecordingLivePush recordingLivePush() {
        return new RecordingLivePush();
    }

    @Bean
    public ChangedEvents changedEvents() {
        return new ChangedEvents();
    }

    /** GatewayChanged events as published */
    public static class ChangedEvents {
        public final List<Long> ids = new CopyOnWriteArrayList<>();

        @EventListener
        public void on(GatewayChanged e) {
            ids.add(e.gatewayId());
        }
    }

    @Bean
    public SpringLiquibase liquibase(DataSource dataSource) {
        return changelog(dataSource, "classpath:db/changelog/kernel/001-kernel-base.xml");
    }

    @Bean
    @DependsOn("liquibase")
    public SpringLiquibase settingsSchemaLiquibase(DataSource dataSource) {
        return changelog(dataSource, "classpath:db/changelog/settings/001-settings.xml");
    }

    @Bean
    @DependsOn("settingsSchemaLiquibase")
    public SpringLiquibase settingsSeedLiquibase(DataSource dataSource) {
        return changelog(dataSource, "classpath:db/changelog/settings/002-settings-seed.xml");
    }

    @Bean
    @DependsOn("settingsSeedLiquibase")
    public SpringLiquibase settingsCallcenterDictsLiquibase(DataSource dataSource) {
        return changelog(dataSource, "classpath:db/changelog/settings/004-callcenter-dicts.xml");
    }

    @Bean
    @DependsOn("settingsCallcenterDictsLiquibase")
    public SpringLiquibase callcenterLiquibase(DataSource dataSource) {
        return changelog(dataSource, "classpath:db/changelog/callcenter/001-callcenter-agents.xml");
    }

    private static SpringLiquibase changelog(DataSource dataSource, String file) {
        SpringLiquibase l = new SpringLiquibase();
        l.setDataSource(dataSource);
        l.setChangeLog(file);
        return l;
    }
}
