package cn.heatdesk.callcenter.agent;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** cc_agent_skill: read through an agent that already passed its scope check. */
@Mapper
public interface AgentSkillMapper {

    List<AgentSkill> selectByAgent(@Param("agentId") long agentId);

    List<AgentSkill> selectByAgents(@Param("ids") Collection<Long> agentIds);

    void insert(AgentSkill s);

    int updatePenalty(@Param("agentId") long agentId, @Param("queueId") long queueId, @Param("penalty") int penalty);

    int deleteOne(@Param("agentId") long agentId, @Param("queueId") long queueId);

    int deleteByAgent(@Param("agentId") long agentId);
}
