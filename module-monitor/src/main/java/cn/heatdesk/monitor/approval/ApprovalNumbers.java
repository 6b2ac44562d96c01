package cn.heatdesk.monitor.approval;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Approval numbers SP + yyyyMMdd + a daily sequence of at least four digits (SP202611210001). The counter row of
 * the day is incremented inside the caller's transaction, so the row lock orders concurrent submissions and a
 * rolled-back submission gives its number back. The day's row is created in a transaction of its own, so two
 * instances creating it at once do not abort the caller's transaction (PostgreSQL aborts a transaction on a
 * failed insert).
 */
@Component
public class ApprovalNumbers {

    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ApprovalSeqMapper seq;
    private final TransactionTemplate requiresNew;

    public ApprovalNumbers(ApprovalSeqMapper seq, PlatformTransactionManager tm) {
        this.seq = seq;
        this.requiresNew = new TransactionTemplate(tm);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(LocalDate day) {
        String key = day.format(DAY);
        // the day's row is made before this transaction touches it: after an UPDATE that found no row, MariaDB and
        // MySQL (REPEATABLE READ) hold a gap lock that the inner INSERT would wait on until the statement timeout
        if (seq.current(key) == null) {
            requiresNew.executeWithoutResult(s -> {
                try {
                    seq.insert(key);
                } catch (DuplicateKeyException e) {
                    // another submission created the day's row first: fine, it is there now
                    s.setRollbackOnly();
                }
            });
        }
        if (seq.increment(key) == 0) {
            throw new IllegalStateException("approval sequence row of " + key + " missing");
        }
        return format(key, seq.current(key));
    }

    static String format(String day, int n) {
        return "SP" + day + String.format("%04d", n);
    }
}
