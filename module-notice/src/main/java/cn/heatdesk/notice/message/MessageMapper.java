package cn.heatdesk.notice.message;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/**
 * nt_message. Every read is of the signed-in user's own messages (recipient_id = the user), which is narrower
 * than any data scope, so the reads opt out of the scope condition: a worker (scope SELF = created_by) must see
 * messages others created for them.
 */
@Mapper
@DataScoped(alias = "m")
public interface MessageMapper {

    void insert(NoticeMessage m);

    @DataScoped(ignore = true)
    List<NoticeMessage> selectMine(@Param("f") MessageFilter filter, @Param("orderBy") String orderBy);

    @DataScoped(ignore = true)
    long countUnread(@Param("recipientId") long recipientId);

    @DataScoped(ignore = true)
    NoticeMessage selectMineById(@Param("id") long id, @Param("recipientId") long recipientId);

    int markRead(@Param("id") long id, @Param("recipientId") long recipientId, @Param("at") LocalDateTime at);

    int markAllRead(@Param("recipientId") long recipientId, @Param("at") LocalDateTime at);
}
