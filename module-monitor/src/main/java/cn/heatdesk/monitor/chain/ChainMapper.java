package cn.heatdesk.monitor.chain;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/**
 * Approval chains and their steps. Configuration, not business rows: read without data scope (the approval of a
 * ticket in any subsidiary must find its chain); {@link ChainService} decides who may change which chain.
 */
@Mapper
public interface ChainMapper {

    ApprovalChain selectById(@Param("id") long id);

    /** filters are optional; group defaults first, then by subsidiary, type and action */
    List<ApprovalChain> selectList(@Param("bizType") String bizType, @Param("scopeOrgId") Long scopeOrgId,
                                   @Param("includeGroup") boolean includeGroup);

    /** the enabled chains for (type, action) of the group default (scope 0) and of the subsidiary, if given */
    List<ApprovalChain> selectEnabled(@Param("bizType") String bizType, @Param("bizAction") String bizAction,
                                      @Param("subsidiaryId") Long subsidiaryId);

    ApprovalChain selectByKey(@Param("bizType") String bizType, @Param("bizAction") String bizAction,
                              @Param("scopeOrgId") long scopeOrgId);

    void insert(ApprovalChain chain);

    /** name, remark, enabled; bumps row_version; 0 rows when the version is stale */
    int update(ApprovalChain chain);

    List<ChainStep> selectSteps(@Param("chainIds") Collection<Long> chainIds);

    void insertSteps(@Param("rows") List<ChainStep> rows);

    int deleteSteps(@Param("chainId") long chainId);
}
