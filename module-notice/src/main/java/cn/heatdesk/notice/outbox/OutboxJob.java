package cn.heatdesk.notice.outbox;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the outbox dispatcher every few seconds ({@code heatdesk.notice.outbox.interval}), on one instance at a time. */
@Component
public class OutboxJob {

    private final OutboxDispatcher dispatcher;

    public OutboxJob(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${heatdesk.notice.outbox.interval:PT5S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "notice-outbox-dispatch", lockAtMostFor = "PT10M")
    public void dispatch() {
        dispatcher.runOnce();
    }
}
