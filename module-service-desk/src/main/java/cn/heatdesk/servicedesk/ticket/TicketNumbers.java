package cn.heatdesk.servicedesk.ticket;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Ticket numbers unique per subsidiary and day: {@code <org code>-<yyyyMMdd>-<5 digits>}. The counter row is
 * incremented inside the creating transaction, so a rolled-back creation gives its number back and concurrent
 * creations of one subsidiary queue on that row for the few milliseconds of an insert.
 */
@Component
public class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final TicketMapper mapper;
    private final TransactionTemplate newTx;

    public TicketNumbers(TicketMapper mapper, PlatformTransactionManager txm) {
        this.mapper = mapper;
        this.newTx = new TransactionTemplate(txm);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(long subsidiaryId, String subsidiaryCode, String subsidiaryPath, LocalDate day) {
        String d = day.format(DAY);
        if (mapper.selectSeq(subsidiaryId, d) == null) {
            // first ticket of the day: create the counter in its own transaction before touching it here. Doing it
            // after a 0-row UPDATE would deadlock on MariaDB (the UPDATE's gap lock blocks the inner INSERT), and a
            // duplicate from a racing creator would abort the caller's transaction on PostgreSQL.
            try {
                newTx.executeWithoutResult(s -> mapper.insertSeq(subsidiaryId, d, subsidiaryPath));
            } catch (DuplicateKeyException raced) {
                // the other creator made it
            }
        }
        if (mapper.incrementSeq(subsidiaryId, d) == 0) {
            throw new IllegalStateException("ticket counter row missing for " + subsidiaryId + "/" + d);
        }
        int n = mapper.selectSeq(subsidiaryId, d);
        return String.format("%s-%s-%05d", subsidiaryCode, d, n);
    }
}
