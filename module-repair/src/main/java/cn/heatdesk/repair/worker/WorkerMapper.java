package cn.heatdesk.repair.worker;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/**
 * rp_worker. A profile's org path is its station's, so lists and single reads are limited to the caller's data
 * scope; the unscoped reads serve checks that already passed a scoped ticket read (assignment, suggestions).
 */
@Mapper
@DataScoped(alias = "w")
public interface WorkerMapper {

    /** page with Paging */
    List<Worker> list(@Param("f") WorkerFilter filter, @Param("orderBy") String orderBy);

    Worker selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    Worker selectByUserIdUnscoped(@Param("userId") long userId);

    /** the station's profiles, for assignment suggestions */
    @DataScoped(ignore = true)
    List<Worker> selectByStationUnscoped(@Param("stationOrgId") long stationOrgId);

    void insert(Worker w);

    /** type, skills, duty, load limit, remark; optimistic lock on row_version */
    int update(Worker w);

    int updateDuty(@Param("id") long id, @Param("onDuty") int onDuty, @Param("updatedBy") long updatedBy,
                   @Param("updatedAt") LocalDateTime updatedAt);
}
