package cn.heatdesk.servicedesk.config;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Deadline rules are group/subsidiary configuration, not scoped business rows. */
@Mapper
public interface DeadlineRuleMapper {

    int insert(DeadlineRule r);

    int update(DeadlineRule r);

    int delete(@Param("id") long id);

    DeadlineRule selectById(@Param("id") long id);

    List<DeadlineRule> selectCandidates(@Param("ticketType") String ticketType, @Param("subsidiaryId") long subsidiaryId);

    List<DeadlineRule> selectList(@Param("ticketType") String ticketType, @Param("subsidiaryId") Long subsidiaryId);

    int countSame(@Param("r") DeadlineRule r);
}
