package cn.heatdesk.monitor.approval;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;

/**
 * Flags overdue approvals and notifies their approvers, once per level, on one instance at a time (ShedLock).
 * The state is the approval row itself (overdue_level), so nothing is lost or repeated across restarts.
 */
@Component
public class ApprovalOverdueJob {

    private static final Logger log = LoggerFactory.getLogger(ApprovalOverdueJob.class);

    private final ApprovalService service;

    public ApprovalOverdueJob(ApprovalService service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${heatdesk.monitor.approval-overdue-scan:PT1M}", initialDelayString = "${heatdesk.monitor.approval-overdue-initial-delay:PT30S}")
    @SchedulerLock(name = "monitor-approval-overdue", lockAtMostFor = "PT5M")
    public void scan() {
        int n = service.flagOverdue(LocalDateTime.now());
        if (n > 0) {
            log.info("审批超时：新标记 {} 条并已通知审批人", n);
        }
    }
}
