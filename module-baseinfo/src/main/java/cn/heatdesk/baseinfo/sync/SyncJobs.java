package cn.heatdesk.baseinfo.sync;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedules of the integration, each under a ShedLock lock so one instance runs it at a time. The pulls do
 * nothing while their system is not configured; their cron comes from {@code heatdesk.integrations.<system>.cron}
 * ("-" switches the schedule off).
 */
@Component
public class SyncJobs {

    private final SyncPuller puller;
    private final SyncRetrier retrier;

    public SyncJobs(SyncPuller puller, SyncRetrier retrier) {
        this.puller = puller;
        this.retrier = retrier;
    }

    @Scheduled(cron = "${heatdesk.integrations.billing.cron:0 */5 * * * *}")
    @SchedulerLock(name = SyncPuller.LOCK_BILLING, lockAtMostFor = "PT10M")
    public void pullBilling() {
        puller.scheduled(SyncSource.BILLING);
    }

    @Scheduled(cron = "${heatdesk.integrations.heatnet.cron:0 */5 * * * *}")
    @SchedulerLock(name = SyncPuller.LOCK_HEATNET, lockAtMostFor = "PT10M")
    public void pullHeatNet() {
        puller.scheduled(SyncSource.HEATNET);
    }

    /** due failed records, every 30 seconds */
    @Scheduled(fixedDelayString = "${heatdesk.integrations.retry.interval:PT30S}", initialDelayString = "PT30S")
    @SchedulerLock(name = "baseinfo-sync-retry", lockAtMostFor = "PT5M")
    public void retryFailures() {
        retrier.retryDue();
    }
}
