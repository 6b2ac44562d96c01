package cn.heatdesk.baseinfo.node;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** Repair-station coverage. A mapping's org path is its station's, so station users see their own mappings. */
@Mapper
@DataScoped(alias = "c")
public interface CoverageMapper {

    /** with the node's code, name and full name; page with Paging */
    List<Coverage> list(@Param("stationId") Long stationId, @Param("nodeId") Long nodeId, @Param("orderBy") String orderBy);

    Coverage selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    List<Coverage> selectByNodeIdsUnscoped(@Param("nodeIds") Collection<Long> nodeIds);

    /** mappings on the node at the path prefix and below it */
    @DataScoped(ignore = true)
    List<Coverage> selectUnderUnscoped(@Param("pathPrefix") String pathPrefix);

    void insert(Coverage c);

    int updateStation(@Param("id") long id, @Param("stationId") long stationId, @Param("orgPath") String orgPath);

    int deleteById(@Param("id") long id);

    /** mappings follow their nodes when a subtree moves */
    int rewritePaths(@Param("oldPath") String oldPath, @Param("newPath") String newPath, @Param("pathStart") int pathStart);
}
