package cn.heatdesk.callcenter.agent;

/** who caused a state change (cc_agent_state_log.source) */
public enum StateSource {
    /** the agent's own command from the console */
    COMMAND,
    /** a supervisor's forced change */
    SUPERVISOR,
    /** an AMI event of the gateway */
    AMI,
    /** HeatDesk itself: wrap-up timer, resynchronisation after a reconnect or an Asterisk restart */
    SYSTEM
}
