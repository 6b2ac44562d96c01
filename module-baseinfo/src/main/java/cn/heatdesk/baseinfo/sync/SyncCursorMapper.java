package cn.heatdesk.baseinfo.sync;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/** Pull cursors, one row per (source system, entity). Group-wide state: not data scoped. */
@Mapper
public interface SyncCursorMapper {

    List<SyncCursor> selectAll();

    SyncCursor selectOne(@Param("source") String source, @Param("entity") String entity);

    void insert(SyncCursor c);

    /** a page was applied: move the cursor and add to the total */
    int updateProgress(@Param("id") long id, @Param("cursorTime") LocalDateTime cursorTime,
                       @Param("cursorKey") String cursorKey, @Param("pulled") long pulled);

    /** outcome of a run; lastOkAt null keeps the stored one */
    int updateStatus(@Param("id") long id, @Param("status") String status, @Param("message") String message,
                     @Param("lastRunAt") LocalDateTime lastRunAt, @Param("lastOkAt") LocalDateTime lastOkAt);
}
