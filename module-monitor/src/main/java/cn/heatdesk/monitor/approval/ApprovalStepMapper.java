package cn.heatdesk.monitor.approval;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/** mo_approval_step: read through their approval, which is checked first. */
@Mapper
public interface ApprovalStepMapper {

    void insertBatch(@Param("rows") List<ApprovalStep> rows);

    List<ApprovalStep> selectByApproval(@Param("approvalId") long approvalId);

    List<ApprovalStep> selectByApprovals(@Param("ids") Collection<Long> ids);

    ApprovalStep selectLevel(@Param("approvalId") long approvalId, @Param("levelNo") int levelNo);

    /** records the decision of a pending level; 0 rows when it was already decided */
    int decide(@Param("id") long id, @Param("decision") String decision, @Param("reason") String reason,
               @Param("by") long by, @Param("byName") String byName, @Param("at") LocalDateTime at);

    /** opens a waiting level */
    int start(@Param("approvalId") long approvalId, @Param("levelNo") int levelNo,
              @Param("at") LocalDateTime at, @Param("dueAt") LocalDateTime dueAt);

    int markOverdue(@Param("approvalId") long approvalId, @Param("levelNo") int levelNo);
}
