package cn.heatdesk.baseinfo.imports;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

import java.util.List;

/** Failed rows of import jobs; read only after the job itself was read through the scoped job mapper. */
@Mapper
public interface ImportErrorMapper {

    /** multi-row insert; callers pass at most 500 rows */
    void insertBatch(@Param("rows") List<ImportError> rows);

    /** every failed row of a job in row order, streamed (fetch size 1000) so memory stays flat */
    void streamByJob(@Param("jobId") long jobId, ResultHandler<ImportError> handler);

    int countByJob(@Param("jobId") long jobId);
}
