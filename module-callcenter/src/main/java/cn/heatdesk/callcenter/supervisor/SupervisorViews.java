package cn.heatdesk.callcenter.supervisor;

import cn.heatdesk.callcenter.call.CallStatsService;

import java.time.LocalDateTime;
import java.util.List;

/** Response bodies of the supervisor endpoints. */
public final class SupervisorViews {

    private SupervisorViews() {
    }

    /**
     * What an action did. {@code channel}: the spy leg's ChannelId (listen/whisper/barge) or the channel acted on.
     */
    public record Result(String action, String message, String linkedid, String channel, String targetJobNo) {
    }

    /** one waiting caller; number masked unless the reader holds callcenter:number:view */
    public record WaitingCaller(String gatewayId, String gatewayName, String queue, String linkedid, Integer position,
                                String number, String householdId, String householdName, String address,
                                long waitSeconds, LocalDateTime queuedAt) {
    }

    public record QueueBoard(String gatewayId, String gatewayName, String queue, int waiting, long longestWaitSeconds,
                             List<WaitingCaller> callers) {
    }

    /** the queue board: waiting callers per queue and the agents of the reader's scope with their states */
    public record Board(LocalDateTime at, List<QueueBoard> queues, List<CallStatsService.AgentFigures> agents) {
    }

    public record LogView(String id, String action, String actionLabel, String gatewayId, String linkedid,
                          String supervisorId, String supervisorName, String supervisorExtension, String targetAgentId,
                          String targetJobNo, String queueName, String result, String resultLabel, String errorMessage,
                          LocalDateTime createdAt) {
    }
}
