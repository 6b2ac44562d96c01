package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

import java.util.List;

/**
 * Streaming reads for the exports, limited to the user's data scope like the lists. Rows are pushed to a
 * {@link ResultHandler} from a forward-only result set fetched 1000 rows at a time (inside a read-only transaction,
 * which PostgreSQL needs for cursor fetching), so no export holds its rows in memory. Several phones of a household
 * or customer arrive as consecutive rows (LEFT JOIN, ordered by owner), which the service folds into one line.
 */
@Mapper
public interface ExportMapper {

    @DataScoped(alias = "n", creatorColumn = "")
    void streamNodes(@Param("f") ExportFilter filter, ResultHandler<NodeExportRow> handler);

    /** subsidiaries of the company nodes the export may contain, to name them by org code */
    @DataScoped(alias = "n", creatorColumn = "")
    List<Long> selectCompanySubsidiaries(@Param("f") ExportFilter filter);

    @DataScoped(alias = "h")
    void streamHouseholds(@Param("f") ExportFilter filter, ResultHandler<HouseholdExportRow> handler);

    @DataScoped(alias = "c")
    void streamCustomers(@Param("f") ExportFilter filter, ResultHandler<CustomerExportRow> handler);
}
