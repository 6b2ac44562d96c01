package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** cc_queue; console reads are scoped, event handling reads unscoped. */
@Mapper
@DataScoped(alias = "q")
public interface QueueMapper {

    List<CallQueue> list(@Param("gatewayId") Long gatewayId, @Param("skillCode") String skillCode);

    CallQueue selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    CallQueue selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    List<CallQueue> selectByIdsUnscoped(@Param("ids") Collection<Long> ids);

    @DataScoped(ignore = true)
    CallQueue selectByName(@Param("gatewayId") long gatewayId, @Param("queueName") String queueName);

    @DataScoped(ignore = true)
    List<CallQueue> selectByGatewayUnscoped(@Param("gatewayId") long gatewayId);

    @DataScoped(ignore = true)
    int countByGateway(@Param("gatewayId") long gatewayId);

    void insert(CallQueue q);

    /** name, skill, strategy, times, enabled, remark; optimistic lock */
    int update(CallQueue q);

    int updateOrgOfGateway(@Param("gatewayId") long gatewayId, @Param("subsidiaryId") long subsidiaryId,
                           @Param("orgPath") String orgPath);

    int delete(@Param("id") long id);

    /** agents holding the queue as a skill */
    @DataScoped(ignore = true)
    int countMembers(@Param("queueId") long queueId);
}
