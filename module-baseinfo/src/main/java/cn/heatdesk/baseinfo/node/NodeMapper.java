package cn.heatdesk.baseinfo.node;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
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

    /**
     * Candidates for the top of a partial tree (station users): the visible companies and covered nodes — a node's
     * org path differs from its parent's only there. Those whose parent is visible too are dropped by the caller.
     */
    List<HeatNode> selectScopeRoots(@Param("includeDisabled") boolean includeDisabled);

    /** which of these ids the user may see */
    List<Long> selectVisibleIds(@Param("ids") Collection<Long> ids);

    /** visible children per parent, in one grouped query */
    List<ChildCount> countChildrenGrouped(@Param("parentIds") Collection<Long> parentIds,
                                          @Param("includeDisabled") boolean includeDisabled);

    /** name contains, code or pinyin initials start with; limit with Paging.limit */
    List<HeatNode> search(@Param("contains") String contains, @Param("prefix") String prefix,
                          @Param("type") String type);

    /** new path and full-name prefixes for everything below node {@code id} (the node itself is updated apart) */
    @DataScoped(ignore = true)
    int rewriteDescendants(@Param("id") long id, @Param("oldPath") String oldPath, @Param("newPath") String newPath,
                           @Param("pathStart") int pathStart, @Param("oldFull") String oldFull,
                           @Param("newFull") String newFull, @Param("fullStart") int fullStart);

    /** enables/disables every node under the path prefix that is not already so; returns how many changed */
    @DataScoped(ignore = true)
    int updateEnabledUnder(@Param("pathPrefix") String pathPrefix, @Param("enabled") int enabled,
                           @Param("updatedBy") long updatedBy, @Param("now") LocalDateTime now);

    @DataScoped(ignore = true)
    int deleteById(@Param("id") long id);
}
