package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.kernel.datascope.Paging;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Deadline timers. State lives in the ticket rows (next_escalate_at, near_notified), so the jobs survive restarts;
 * ShedLock makes one instance run each pass, and each step re-checks its row under a lock, so even two passes
 * racing after a lock expiry escalate a ticket once.
 */
@Component
public class TicketTimerJobs {

    private static final Logger log = LoggerFactory.getLogger(TicketTimerJobs.class);
    private static final int BATCH = 200;

    private final TicketMapper mapper;
    private final TicketService tickets;

    public TicketTimerJobs(TicketMapper mapper, TicketService tickets) {
        this.mapper = mapper;
        this.tickets = tickets;
    }

    @Scheduled(fixedDelayString = "${heatdesk.ticket.timer-interval-ms:30000}", initialDelayString = "${heatdesk.ticket.timer-initial-delay-ms:20000}")
    @SchedulerLock(name = "ticket-timers", lockAtMostFor = "PT5M")
    public void run() {
        runOnce();
    }

    /** one pass: escalate overdue tickets, warn near-deadline ones; returns how many tickets were touched */
    public int runOnce() {
        int n = 0;
        LocalDateTime now = LocalDateTime.now();
        // a backlog (e.g. after downtime) is drained in this pass, batch by batch, instead of 200 per interval;
        // each escalated ticket's next step moves past now, so the next batch is a different one
        List<Long> due;
        int escalated;
        do {
            due = Paging.limit(BATCH, () -> mapper.selectDueEscalation(now, BATCH));
            escalated = 0;
            for (Long id : due) {
                try {
                    escalated += tickets.escalateIfDue(id) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("escalating ticket {} failed: {}", id, e.toString());
                }
            }
            n += escalated;
        } while (due.size() == BATCH && escalated > 0);
        List<Long> near = Paging.limit(BATCH, () -> mapper.selectDueNearWarning(now, BATCH));
        for (Long id : near) {
            try {
                n += tickets.warnIfNear(id) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("near-deadline reminder of ticket {} failed: {}", id, e.toString());
            }
        }
        return n;
    }
}
