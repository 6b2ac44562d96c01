package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Per-agent live figures (docs/call-records.md "Live figures"): the agents in the reader's data scope with their
 * state, and today's counts of exactly those agents (the counts are about the agent, so they are not scoped by the
 * calls' gateway a second time).
 */
@Mapper
public interface AgentFiguresMapper {

    /** bound agents of the reader's scope (cc_agent carries the agent user's org), with the phone's extension */
    @DataScoped(alias = "a")
    List<AgentFigureRow> agentsInScope();

    /** per agent since {@code from}: inbound answered, outbound, summed talk */
    List<Map<String, Object>> callCountsSince(@Param("from") LocalDateTime from,
                                              @Param("agentIds") Collection<Long> agentIds);

    /** per agent since {@code from}: rings not answered (AgentRingNoAnswer, state log input RING_TIMEOUT) */
    List<Map<String, Object>> missedSince(@Param("from") LocalDateTime from,
                                          @Param("agentIds") Collection<Long> agentIds);

    /** one agent of cc_agent as the figures read it */
    class AgentFigureRow {
        public Long id;
        public String jobNo;
        public String agentName;
        public String extension;
        public String state;
        public String stateReason;
        public LocalDateTime stateSince;
    }
}
