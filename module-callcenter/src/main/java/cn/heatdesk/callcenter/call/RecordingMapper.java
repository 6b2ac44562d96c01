package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** cc_recording and its playback audit cc_recording_access. */
@Mapper
public interface RecordingMapper {

    void insert(RecordingRow r);

    int update(RecordingRow r);

    @DataScoped(alias = "r")
    RecordingRow selectById(@Param("id") long id);

    List<RecordingRow> selectByCall(@Param("callId") long callId);

    int markDeleted(@Param("id") long id, @Param("by") long by, @Param("at") LocalDateTime at);

    void insertAccess(@Param("id") long id, @Param("recordingId") long recordingId, @Param("callId") long callId,
                      @Param("userId") long userId, @Param("username") String username, @Param("kind") String kind,
                      @Param("range") String range, @Param("ip") String ip, @Param("agent") String userAgent,
                      @Param("at") LocalDateTime at, @Param("subsidiaryId") long subsidiaryId,
                      @Param("orgPath") String orgPath);

    @DataScoped(alias = "a", creatorColumn = "user_id")
    List<Map<String, Object>> selectAccess(@Param("recordingId") long recordingId);
}
