package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/** cc_phone; console reads are scoped, event handling and binding checks read unscoped. */
@Mapper
@DataScoped(alias = "p")
public interface PhoneMapper {

    List<Phone> list(@Param("f") PhoneFilter filter, @Param("orderBy") String orderBy);

    Phone selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    Phone selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    List<Phone> selectByIdsUnscoped(@Param("ids") Collection<Long> ids);

    @DataScoped(ignore = true)
    Phone selectByExtension(@Param("gatewayId") long gatewayId, @Param("extension") String extension);

    /** by PJSIP endpoint name (the part after PJSIP/ in channel and interface names) */
    @DataScoped(ignore = true)
    Phone selectByEndpoint(@Param("gatewayId") long gatewayId, @Param("endpoint") String endpoint);

    @DataScoped(ignore = true)
    List<Phone> selectByGatewayUnscoped(@Param("gatewayId") long gatewayId);

    @DataScoped(ignore = true)
    int countByGateway(@Param("gatewayId") long gatewayId);

    void insert(Phone p);

    /** extension, endpoint, model, MAC, remark, enabled; the secret only when not null; optimistic lock */
    int update(Phone p);

    /** the registration cache; returns 0 when nothing changed (so no push is needed) */
    int updateDeviceState(@Param("id") long id, @Param("registered") int registered, @Param("deviceState") String deviceState,
                          @Param("at") LocalDateTime at);

    /** org columns follow the gateway's */
    int updateOrgOfGateway(@Param("gatewayId") long gatewayId, @Param("subsidiaryId") long subsidiaryId,
                           @Param("orgPath") String orgPath);

    int delete(@Param("id") long id);

    /** the agents bound to these phones */
    @DataScoped(ignore = true)
    List<PhoneBinding> selectBindings(@Param("ids") Collection<Long> phoneIds);
}
