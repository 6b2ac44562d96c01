package cn.heatdesk.kernel.storage;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * {@code sys_file}. Deliberately not {@code @DataScoped}: a file is read by id by whoever can see the record it is
 * attached to (a station lead opens the agent's photo), and nothing lists files.
 */
@Mapper
public interface FileMapper {

    void insert(FileRow row);

    FileRow selectById(@Param("id") long id);

    List<FileRow> selectByIds(@Param("ids") Collection<Long> ids);

    /** Earlier uploads of the same content by the same user under the same name (a retried upload), newest first. */
    List<FileRow> selectSameUpload(@Param("sm3") String sm3, @Param("createdBy") long createdBy,
                                   @Param("name") String name, @Param("kind") String kind,
                                   @Param("captureTime") LocalDateTime captureTime);
}
