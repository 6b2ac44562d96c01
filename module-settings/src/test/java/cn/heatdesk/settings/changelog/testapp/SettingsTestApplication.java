package cn.heatdesk.settings.changelog.testapp;

import liquibase.integration.spring.SpringLiquibase;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import cn.heatdesk.kernel.config.KernelConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.DependsOn;

import javax.sql.DataSource;

/**
 * A narrow application for the dictionary / parameter / change-log / permission integration tests: only these
 * packages and the kernel beans they need (ids, database id, data scope), on the schema of kernel/001 +
 * settings/001 + settings/002, with the kernel's own configuration (ids, database id, data scope).
 * The three changelogs run as three Liquibase beans in order (the test master lives here, not in a resource).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {
        "cn.heatdesk.settings.dict",
        "cn.heatdesk.settings.param",
        "cn.heatdesk.settings.changelog",
        "cn.heatdesk.settings.permission"})
@MapperScan(basePackages = {
        "cn.heatdesk.settings.dict",
        "cn.heatdesk.settings.param",
        "cn.heatdesk.settings.changelog",
        "cn.heatdesk.settings.permission"}, annotationClass = Mapper.class)
@Import(KernelConfiguration.class)
public class SettingsTestApplication {

    public static final String MAPPERS = "classpath*:mapper/settings/Dict*.xml,classpath*:mapper/settings/Param*.xml,"
            + "classpath*:mapper/settings/SettingChange*.xml,classpath*:mapper/settings/Permission*.xml";

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

    private static SpringLiquibase changelog(DataSource dataSource, String file) {
        SpringLiquibase l = new SpringLiquibase();
        l.setDataSource(dataSource);
        l.setChangeLog(file);
        return l;
    }
}
