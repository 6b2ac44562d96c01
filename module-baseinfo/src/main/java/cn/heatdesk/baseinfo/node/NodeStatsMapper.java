package cn.heatdesk.baseinfo.node;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The households below a tree node, as the tree sees them: counts, and the paths and addresses the tree dictates. */
@Mapper
@DataScoped(alias = "h")
public interface NodeStatsMapper {

    /** enabled households under the path prefix the user may see, by heating status and arrears */
    NodeStats counts(@Param("pathPrefix") String pathPrefix);

    /** every household under the path prefix, whoever may see it (delete and disable checks) */
    @DataScoped(ignore = true)
    long countUnder(@Param("pathPrefix") String pathPrefix);

    /** address = the unit's prefix (community building unit, see HouseholdWriter.address) + room, at most 300 */
    int updateAddresses(@Param("unitId") long unitId, @Param("prefix") String prefix);

    /** households follow their unit to a new node path */
    int rewritePaths(@Param("oldPath") String oldPath, @Param("newPath") String newPath, @Param("pathStart") int pathStart);
}
