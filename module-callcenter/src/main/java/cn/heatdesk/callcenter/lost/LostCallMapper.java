package cn.heatdesk.callcenter.lost;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Lost calls are a view over cc_call (this module's own table); nothing is copied. */
@Mapper
public interface LostCallMapper {

    @DataScoped(alias = "c")
    List<LostCallRow> search(@Param("f") LostCallFilter filter, @Param("orderBy") String orderBy);

    /** keyset batch for exports, newest first; wrap in Paging.limit */
    @DataScoped(alias = "c")
    List<LostCallRow> batchAfter(@Param("f") LostCallFilter filter, @Param("afterAt") LocalDateTime afterAt,
                                 @Param("afterId") Long afterId);

    /** lost calls per caller number in [from, to) for the numbers given (repeat flag of a page) */
    List<Map<String, Object>> repeatCounts(@Param("idxs") Collection<String> callerIdxs,
                                           @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /** the callbacks of the given lost calls, oldest first */
    List<Map<String, Object>> callbacksOf(@Param("ids") Collection<Long> callIds);

    /** inbound ended calls of [from, to) counted by day, queue, result and cause (report) */
    @DataScoped(alias = "c")
    List<Map<String, Object>> report(@Param("f") LostCallFilter filter);
}
