package cn.heatdesk.kernel.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * Command-line verification of the audit chain, for operators and auditors:
 * <pre>{@code java -jar heatdesk.jar --heatdesk.cli=audit-verify}</pre>
 * Prints one result line (Chinese and English) and, when broken, the first broken row; exits with 0 when the chain
 * is intact and 1 when it is not (2 when verification itself failed).
 */
@Component
@ConditionalOnProperty(name = "heatdesk.cli", havingValue = "audit-verify")
public class AuditCliRunner implements ApplicationRunner {

    private final AuditChainVerifier verifier;
    private final JdbcTemplate jdbc;
    private final ConfigurableApplicationContext context;

    public AuditCliRunner(AuditChainVerifier verifier, JdbcTemplate jdbc, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = verifyAndPrint(System.out);
        int exit = SpringApplication.exit(context, () -> code);
        System.exit(exit);
    }

    /** Runs the verification, prints the result to {@code out} and returns the process exit code. */
    public int verifyAndPrint(PrintStream out) {
        AuditVerifyResult r;
        try {
            r = verifier.verify();
        } catch (RuntimeException e) {
            out.println("审计日志校验失败（无法完成校验）/ audit verification could not run: " + e.getMessage());
            return 2;
        }
        if (r.ok()) {
            out.println("审计日志完整，共校验 " + r.checkedRows() + " 条 / audit log intact, "
                    + r.checkedRows() + " rows checked");
            return 0;
        }
        out.println("审计日志已被破坏：序号 " + r.firstBrokenSeq() + "，" + r.reason()
                + " / audit log BROKEN at seq " + r.firstBrokenSeq() + ": " + r.problem().english()
                + " (" + r.checkedRows() + " rows intact before it)");
        if (r.firstBrokenSeq() != null) {
            List<AuditRecord> rows = jdbc.query("SELECT " + AuditService.COLUMNS + " FROM audit_log WHERE seq = ? ORDER BY id",
                    AuditService.ROW_MAPPER, r.firstBrokenSeq());
            if (rows.isEmpty()) {
                out.println("首个异常行 / first broken row: (无此行 / no such row) seq=" + r.firstBrokenSeq());
            }
            for (AuditRecord row : rows) {
                out.println("首个异常行 / first broken row: id=" + row.id() + " seq=" + row.seq()
                        + " time=" + AuditHasher.format(row.occurredAt()) + " user=" + row.username()
                        + " action=" + row.action() + " target=" + row.target() + " result=" + row.result()
                        + " prev_hash=" + row.prevHash() + " row_hash=" + row.rowHash()
                        + " recomputed=" + AuditHasher.rowHash(row));
            }
        }
        return 1;
    }
}
