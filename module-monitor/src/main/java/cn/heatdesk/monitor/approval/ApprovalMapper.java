package cn.heatdesk.monitor.approval;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * mo_approval. The monitor list (审批监控) is limited to the user's data scope by the business object's org path;
 * the personal lists (待我审批, 我发起的) and internal lookups are not — who may see or decide those is decided by
 * role, org and applicant in {@link ApprovalService}.
 */
@Mapper
@DataScoped(alias = "a")
public interface ApprovalMapper {

    @DataScoped(ignore = true)
    Approval selectById(@Param("id") long id);

    /** the row if it lies in the user's data scope */
    ApprovalListRow selectVisible(@Param("id") long id);

    /** 审批监控: every approval in the user's scope */
    List<ApprovalListRow> selectAll(@Param("f") ApprovalFilter f, @Param("orderBy") String orderBy);

    /** 我发起的 */
    @DataScoped(ignore = true)
    List<ApprovalListRow> selectMine(@Param("f") ApprovalFilter f, @Param("userId") long userId,
                                     @Param("orderBy") String orderBy);

    /**
     * 待我审批: pending approvals whose current level goes to one of {@code roles} at one of {@code orgPaths} (the
     * user's org and its ancestors); the user's own requests only when {@code includeOwn}.
     */
    @DataScoped(ignore = true)
    List<ApprovalListRow> selectPendingFor(@Param("f") ApprovalFilter f, @Param("roles") Collection<String> roles,
                                           @Param("orgPaths") Collection<String> orgPaths,
                                           @Param("userId") long userId, @Param("includeOwn") boolean includeOwn,
                                           @Param("orderBy") String orderBy);

    @DataScoped(ignore = true)
    List<ApprovalListRow> selectByBiz(@Param("bizType") String bizType, @Param("bizId") long bizId);

    @DataScoped(ignore = true)
    int countPendingByBiz(@Param("bizType") String bizType, @Param("bizId") long bizId);

    void insert(Approval a);

    /** moves a pending approval to its next level; 0 rows when the version is stale or it is no longer pending */
    int advance(@Param("id") long id, @Param("rowVersion") int rowVersion, @Param("level") int level,
                @Param("dueAt") LocalDateTime dueAt, @Param("now") LocalDateTime now);

    /** ends a pending approval (APPROVED / REJECTED / WITHDRAWN); 0 rows when stale or no longer pending */
    int finish(@Param("id") long id, @Param("rowVersion") int rowVersion, @Param("status") String status,
               @Param("now") LocalDateTime now);

    /** counts an urge; leaves row_version alone so approvers' open forms stay valid */
    int urge(@Param("id") long id, @Param("now") LocalDateTime now);

    /** pending approvals past the current level's deadline whose overdue notice for that level has not gone out */
    @DataScoped(ignore = true)
    List<Approval> selectOverdueUnflagged(@Param("now") LocalDateTime now);

    /** records that the overdue notice of {@code level} went out; 0 rows when another run did it or it moved on */
    int markOverdue(@Param("id") long id, @Param("level") int level);
}
