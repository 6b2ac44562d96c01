package cn.heatdesk.callcenter.supervisor;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/** cc_supervisor_action; the log lists only rows of the reader's data scope. */
@Mapper
public interface SupervisorActionMapper {

    void insert(SupervisorActionRow r);

    @DataScoped(alias = "s", creatorColumn = "supervisor_id")
    List<SupervisorActionRow> list(@Param("action") String action, @Param("result") String result,
                                   @Param("linkedid") String linkedid, @Param("from") LocalDateTime from,
                                   @Param("to") LocalDateTime to);
}
