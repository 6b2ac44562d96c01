package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** Payments and refunds (交退费) and room temperatures kept locally with their source. */
@Mapper
@DataScoped(alias = "x")
public interface PaymentMapper {

    /** newest first; limit with Paging.limit */
    @DataScoped(ignore = true)
    List<Payment> selectByHousehold(@Param("householdId") long householdId);

    @DataScoped(ignore = true)
    List<String> selectExistingRefs(@Param("source") String source, @Param("refs") Collection<String> refs);

    void insertBatch(@Param("rows") List<Payment> rows);

    @DataScoped(ignore = true)
    List<RoomTemp> selectTempsByHousehold(@Param("householdId") long householdId);

    @DataScoped(ignore = true)
    List<RoomTemp> selectTempsByRefs(@Param("source") String source, @Param("refs") Collection<String> refs);

    void insertTemps(@Param("rows") List<RoomTemp> rows);

    @DataScoped(ignore = true)
    int updateOrgPathByUnits(@Param("unitIds") Collection<Long> unitIds, @Param("orgPath") String orgPath);

    @DataScoped(ignore = true)
    int updateTempOrgPathByUnits(@Param("unitIds") Collection<Long> unitIds, @Param("orgPath") String orgPath);
}
