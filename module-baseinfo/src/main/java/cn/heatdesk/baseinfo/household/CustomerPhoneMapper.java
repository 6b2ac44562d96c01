package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** Phone numbers bound to customers; the number is SM4-encrypted, looked up by blind index. */
@Mapper
@DataScoped(alias = "p")
public interface CustomerPhoneMapper {

    @DataScoped(ignore = true)
    List<CustomerPhone> selectByCustomerIds(@Param("customerIds") Collection<Long> customerIds);

    /** caller lookup: every binding of the number, whatever the caller's scope (the call center sees all) */
    @DataScoped(ignore = true)
    List<CustomerPhone> selectByBidx(@Param("bidx") String bidx);

    @DataScoped(ignore = true)
    CustomerPhone selectByIdUnscoped(@Param("id") long id);

    void insertBatch(@Param("rows") List<CustomerPhone> rows);

    int deleteById(@Param("id") long id);

    @DataScoped(ignore = true)
    int updateOrgPathByUnits(@Param("unitIds") Collection<Long> unitIds, @Param("orgPath") String orgPath);

    @DataScoped(ignore = true)
    int clearPrimary(@Param("customerId") long customerId);

    @DataScoped(ignore = true)
    int setPrimary(@Param("id") long id);
}
