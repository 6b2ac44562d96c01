package cn.heatdesk.kernel.signing;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Deletes expired nonces every 10 minutes (one instance at a time through ShedLock). */
@Component
public class NoncePurgeJob {

    private static final Logger log = LoggerFactory.getLogger(NoncePurgeJob.class);

    private final NonceStore store;

    public NoncePurgeJob(NonceStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${heatdesk.security.signing.nonce-purge-interval:PT10M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "api-nonce-purge", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    public void purge() {
        int n = store.purgeExpired(Instant.now());
        if (n > 0) {
            log.debug("purged {} expired API nonces", n);
        }
    }
}
