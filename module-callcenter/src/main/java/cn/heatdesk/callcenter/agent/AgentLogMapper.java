package cn.heatdesk.callcenter.agent;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/** cc_agent_state_log and cc_agent_session (login log); lists limited to the caller's data scope. */
@Mapper
public interface AgentLogMapper {

    void insertStateLog(AgentStateLog l);

    @DataScoped(alias = "l", creatorColumn = "user_id")
    List<AgentStateLog> listStateLog(@Param("agentId") Long agentId, @Param("from") LocalDateTime from,
                                     @Param("to") LocalDateTime to);

    void insertSession(AgentSession s);

    int closeSession(@Param("id") long id, @Param("at") LocalDateTime at, @Param("how") String how,
                     @Param("by") Long by);

    @DataScoped(alias = "s", creatorColumn = "user_id")
    List<AgentSession> listSessions(@Param("agentId") Long agentId, @Param("from") LocalDateTime from,
                                    @Param("to") LocalDateTime to);
}
