package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** Customers; the ID number is SM4-encrypted by the mapper's type handler, searched by its blind index. */
@Mapper
@DataScoped(alias = "c")
public interface CustomerMapper {

    Customer selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    Customer selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    List<Customer> selectByIdsUnscoped(@Param("ids") Collection<Long> ids);

    @DataScoped(ignore = true)
    List<Customer> selectByCodes(@Param("subsidiaryId") long subsidiaryId, @Param("codes") Collection<String> codes);

    /** the console list, in the user's scope; {@link CustomerService} fills the derived filter values */
    List<Customer> selectPage(@Param("f") CustomerFilter filter, @Param("orderBy") String orderBy);

    void insertBatch(@Param("rows") List<Customer> rows);

    int update(Customer c);

    /** customers owning households of these units follow the households' responsible org */
    @DataScoped(ignore = true)
    int updateOrgPathByUnits(@Param("unitIds") Collection<Long> unitIds, @Param("orgPath") String orgPath);
}
