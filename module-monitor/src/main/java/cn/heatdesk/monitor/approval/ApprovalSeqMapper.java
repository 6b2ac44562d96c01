package cn.heatdesk.monitor.approval;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** mo_approval_seq: the daily counter behind approval numbers. */
@Mapper
public interface ApprovalSeqMapper {

    int increment(@Param("day") String day);

    Integer current(@Param("day") String day);

    void insert(@Param("day") String day);
}
