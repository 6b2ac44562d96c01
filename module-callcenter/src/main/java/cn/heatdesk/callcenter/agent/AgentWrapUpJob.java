package cn.heatdesk.callcenter.agent;

import cn.heatdesk.kernel.datascope.Paging;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Ends wrap-ups (整理) whose time is up. The deadline lives in the agent row (state_until), so it survives restarts;
 * ShedLock makes one instance run each pass and {@link AgentService#endWrapUpIfDue} re-checks the row under its lock,
 * so two passes racing never end a wrap-up twice.
 */
@Component
public class AgentWrapUpJob {

    private static final Logger log = LoggerFactory.getLogger(AgentWrapUpJob.class);
    static final int BATCH = 200;

    private final AgentMapper mapper;
    private final AgentService agents;

    public AgentWrapUpJob(AgentMapper mapper, AgentService agents) {
        this.mapper = mapper;
        this.agents = agents;
    }

    @Scheduled(fixedDelayString = "${heatdesk.callcenter.wrapup-interval-ms:1000}",
            initialDelayString = "${heatdesk.callcenter.wrapup-initial-delay-ms:5000}")
    @SchedulerLock(name = "callcenter-wrapup", lockAtMostFor = "PT1M")
    public void run() {
        runOnce(LocalDateTime.now());
    }

    /** one pass: ends every wrap-up due at {@code now}; returns how many ended */
    public int runOnce(LocalDateTime now) {
        int n = 0;
        List<Long> due;
        do {
            due = Paging.limit(BATCH, () -> mapper.selectDueWrapUp(now));
            int ended = 0;
            for (Long id : due) {
                try {
                    ended += agents.endWrapUpIfDue(id) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("ending the wrap-up of agent {} failed: {}", id, e.toString());
                }
            }
            n += ended;
            if (ended == 0) {
                break;
            }
        } while (due.size() == BATCH);
        return n;
    }
}
