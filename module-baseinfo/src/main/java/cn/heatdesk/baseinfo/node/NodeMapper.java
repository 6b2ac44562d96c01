package cn.heatdesk.baseinfo.node;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** Heat network tree nodes. Reads for users are scoped by the node's org path; system lookups say ignore. */
@Mapper
@DataScoped(alias = "n", creatorColumn = "")
public interface NodeMapper {

    HeatNode selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    HeatNode selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    List<HeatNode> selectByIdsUnscoped(@Param("ids") Collection<Long> ids);

    @DataScoped(ignore = true)
    HeatNode selectByCode(@Param("subsidiaryId") long subsidiaryId, @Param("code") String code);

    @DataScoped(ignore = true)
    List<HeatNode> selectByCodes(@Param("subsidiaryId") long subsidiaryId, @Param("codes") Collection<String> codes);

    /** children of a node (or the companies when parentId is null), visible to the user */
    List<HeatNode> selectChildren(@Param("parentId") Long parentId, @Param("includeDisabled") boolean includeDisabled);

    @DataScoped(ignore = true)
    int countChildren(@Param("parentId") long parentId);

    /** the whole subtree under a path prefix (the node itself included), parents before children */
    @DataScoped(ignore = true)
    List<HeatNode> selectSubtreeUnscoped(@Param("pathPrefix") String pathPrefix);

    void insert(HeatNode node);

    int update(HeatNode node);

    @DataScoped(ignore = true)
    int updateOrgPath(@Param("ids") Collection<Long> ids, @Param("orgPath") String orgPath);
}
