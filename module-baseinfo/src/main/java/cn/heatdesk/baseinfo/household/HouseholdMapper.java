package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** Households. User-facing reads are scoped by org path; the writer and system lookups read unscoped. */
@Mapper
@DataScoped(alias = "h")
public interface HouseholdMapper {

    Household selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    Household selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    List<Household> selectByIdsUnscoped(@Param("ids") Collection<Long> ids);

    @DataScoped(ignore = true)
    List<Household> selectByCodes(@Param("subsidiaryId") long subsidiaryId, @Param("codes") Collection<String> codes);

    @DataScoped(ignore = true)
    List<Household> selectByCustomerIds(@Param("customerIds") Collection<Long> customerIds);

    /** multi-row insert; callers keep batches at or under 500 rows (PostgreSQL's bind-parameter limit) */
    void insertBatch(@Param("rows") List<Household> rows);

    /** every column but id, code and subsidiary; optimistic lock on row_version */
    int update(Household h);

    /** the console list, in the user's scope; {@link HouseholdService} fills the derived filter values */
    List<Household> selectPage(@Param("f") HouseholdFilter filter, @Param("orderBy") String orderBy);

    /** the households a customer owns that the user may see (customer detail) */
    List<Household> selectByCustomerIdScoped(@Param("customerId") long customerId);

    /** re-homes the households of these units to another responsible org (coverage changes) */
    @DataScoped(ignore = true)
    int updateOrgPathByUnits(@Param("unitIds") Collection<Long> unitIds, @Param("orgPath") String orgPath);
}
