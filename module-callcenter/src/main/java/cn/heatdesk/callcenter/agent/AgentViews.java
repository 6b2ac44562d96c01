package cn.heatdesk.callcenter.agent;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** What the agent endpoints return and what is pushed on the live topic {@value AgentService#TOPIC}. */
public final class AgentViews {

    private AgentViews() {
    }

    /** one skill of an agent: a queue of its gateway with the level (Asterisk penalty, 0 = first choice) */
    public record SkillView(Long queueId, String queueName, String displayName, String skillCode, String skillLabel,
                            int level) {
    }

    /**
     * An agent with binding, live state and skills.
     *
     * @param phoneRegistered null = registration not seen yet
     * @param allowed         the actions the state machine allows now (for the console's buttons)
     */
    public record AgentView(Long id, Long userId, String username, String jobNo, String agentName, String orgName,
                            Long phoneId, String extension, Long gatewayId, String gatewayName, Boolean phoneRegistered,
                            String phoneDeviceState, String state, String stateLabel, String stateReason,
                            String stateReasonLabel, LocalDateTime stateSince, LocalDateTime stateUntil,
                            String currentCall, String currentQueue, List<SkillView> skills, Set<AgentInput> allowed,
                            String remark, Integer rowVersion) {
    }

    /** the live push on topic "agent" after every state change */
    public record AgentStateEvent(String type, Long agentId, Long userId, String jobNo, String agentName, Long gatewayId,
                                  String extension, String fromState, String state, String stateLabel,
                                  String stateReason, String stateReasonLabel, LocalDateTime stateSince,
                                  LocalDateTime stateUntil, String currentCall, String source, String input) {
    }

    /** the live push on topic "agent" when a phone's registration changes */
    public record PhoneStateEvent(String type, Long phoneId, Long gatewayId, String extension, boolean registered,
                                  String deviceState, Long agentId, LocalDateTime at) {
    }

    public record StateLogView(Long id, Long agentId, String jobNo, String fromState, String fromStateLabel,
                               String toState, String toStateLabel, String input, String reason, String source,
                               Long actorId, String actorName, String callId, LocalDateTime changedAt, long durationMs) {
    }

    public record SessionView(Long id, Long agentId, String jobNo, String extension, Long gatewayId,
                              LocalDateTime signedInAt, LocalDateTime signedOutAt, String signOutHow, Long signedOutBy,
                              String clientIp, Long durationSeconds) {
    }

    /** a user with an agent role but no agent profile yet (the choices of "新增坐席") */
    public record Candidate(Long userId, String username, String realName, String jobNumber, Long orgId,
                            String orgName) {
    }
}
