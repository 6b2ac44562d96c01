package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/**
 * cc_gateway. Lists and single reads for the console are limited to the caller's data scope; the unscoped reads
 * serve the AMI layer (GatewayDirectory) and uniqueness checks.
 */
@Mapper
@DataScoped(alias = "g")
public interface GatewayMapper {

    /** page with Paging */
    List<Gateway> list(@Param("f") GatewayFilter filter, @Param("orderBy") String orderBy);

    Gateway selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    Gateway selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    Gateway selectByCode(@Param("code") String code);

    @DataScoped(ignore = true)
    List<Gateway> selectEnabledUnscoped();

    @DataScoped(ignore = true)
    List<Gateway> selectByIdsUnscoped(@Param("ids") java.util.Collection<Long> ids);

    void insert(Gateway g);

    /** everything but code and enabled; the secret only when {@code g.amiSecret} is not null; optimistic lock */
    int update(Gateway g);

    int updateEnabled(@Param("id") long id, @Param("enabled") int enabled, @Param("updatedBy") long updatedBy,
                      @Param("updatedAt") LocalDateTime updatedAt);

    int delete(@Param("id") long id);

    /** agents of the gateway that are signed in now (any state but SIGNED_OUT) */
    @DataScoped(ignore = true)
    int countSignedInAgents(@Param("gatewayId") long gatewayId);

    @DataScoped(ignore = true)
    int countAgents(@Param("gatewayId") long gatewayId);
}
