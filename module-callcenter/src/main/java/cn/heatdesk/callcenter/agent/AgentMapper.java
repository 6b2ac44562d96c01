package cn.heatdesk.callcenter.agent;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/**
 * cc_agent. Console lists and reads are limited to the caller's data scope (the agent's org); state changes lock
 * the row ({@link #selectForUpdate}) so a command and the AMI events about the same agent apply one after the other.
 */
@Mapper
@DataScoped(alias = "a")
public interface AgentMapper {

    List<Agent> list(@Param("f") AgentFilter filter, @Param("orderBy") String orderBy);

    Agent selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    Agent selectByIdUnscoped(@Param("id") long id);

    /** the row, locked until the transaction ends */
    @DataScoped(ignore = true)
    Agent selectForUpdate(@Param("id") long id);

    @DataScoped(ignore = true)
    Agent selectByUserId(@Param("userId") long userId);

    @DataScoped(ignore = true)
    Agent selectByJobNo(@Param("jobNo") String jobNo);

    @DataScoped(ignore = true)
    Agent selectByPhoneId(@Param("phoneId") long phoneId);

    /** agents ringing or talking on the call (by linkedid) */
    @DataScoped(ignore = true)
    List<Long> selectIdsByCall(@Param("gatewayId") long gatewayId, @Param("call") String linkedid);

    /** agents of the gateway that are signed in (any state but SIGNED_OUT) */
    @DataScoped(ignore = true)
    List<Agent> selectSignedInByGateway(@Param("gatewayId") long gatewayId);

    /** ids of agents whose wrap-up has run out; limit with Paging.limit */
    @DataScoped(ignore = true)
    List<Long> selectDueWrapUp(@Param("now") LocalDateTime now);

    void insert(Agent a);

    /** job number, name, remark; optimistic lock */
    int updateProfile(Agent a);

    /** phone and gateway (null both to unbind); optimistic lock */
    int updateBinding(@Param("id") long id, @Param("phoneId") Long phoneId, @Param("gatewayId") Long gatewayId,
                      @Param("rowVersion") int rowVersion, @Param("updatedBy") Long updatedBy,
                      @Param("updatedAt") LocalDateTime updatedAt);

    /** every state column; the caller holds the row lock */
    int updateState(Agent a);

    int delete(@Param("id") long id);

    /** every agent bound to a phone, with the phone's gateway and endpoint */
    @DataScoped(ignore = true)
    List<AgentBinding> selectBindings();
}
