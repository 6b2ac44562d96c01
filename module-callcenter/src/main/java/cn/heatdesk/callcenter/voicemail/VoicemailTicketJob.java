package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.kernel.datascope.Paging;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Works off the voicemail outbox: every due PENDING message gets an attempt. State lives in the rows, so the job
 * survives restarts; ShedLock runs one pass at a time across nodes, and each attempt claims its row anyway.
 */
@Component
public class VoicemailTicketJob {

    static final int BATCH = 100;

    private final VoicemailMapper mapper;
    private final VoicemailTicketing ticketing;

    public VoicemailTicketJob(VoicemailMapper mapper, VoicemailTicketing ticketing) {
        this.mapper = mapper;
        this.ticketing = ticketing;
    }

    @Scheduled(fixedDelayString = "${heatdesk.callcenter.voicemail.interval-ms:5000}",
            initialDelayString = "${heatdesk.callcenter.voicemail.initial-delay-ms:15000}")
    @SchedulerLock(name = "callcenter-voicemail-tickets", lockAtMostFor = "PT5M")
    public void run() {
        runOnce();
    }

    /** one pass; returns how many messages became tickets */
    public int runOnce() {
        List<Long> due = Paging.limit(BATCH, () -> mapper.selectDue(LocalDateTime.now()));
        int n = 0;
        for (Long id : due) {
            n += ticketing.attempt(id) == VoicemailTicketing.Outcome.TICKETED ? 1 : 0;
        }
        return n;
    }
}
