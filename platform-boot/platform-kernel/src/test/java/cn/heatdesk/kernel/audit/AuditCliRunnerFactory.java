package cn.heatdesk.kernel.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds an {@link AuditCliRunner} in the test context without activating it (heatdesk.cli is not set). */
@Component
@ConditionalOnProperty(name = "heatdesk.test.security-app", havingValue = "true")
class AuditCliRunnerFactory {

    private final AuditChainVerifier verifier;
    private final JdbcTemplate jdbc;
    private final ConfigurableApplicationContext context;

    AuditCliRunnerFactory(AuditChainVerifier verifier, JdbcTemplate jdbc, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.jdbc = jdbc;
        this.context = context;
    }

    AuditCliRunner create() {
        return new AuditCliRunner(verifier, jdbc, context);
    }
}
