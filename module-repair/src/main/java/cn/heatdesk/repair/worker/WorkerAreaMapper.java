package cn.heatdesk.repair.worker;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** rp_worker_area: read only by worker ids of profiles already read through the scoped {@link WorkerMapper}. */
@Mapper
public interface WorkerAreaMapper {

    List<WorkerArea> selectByWorkerIds(@Param("workerIds") Collection<Long> workerIds);

    void insert(WorkerArea a);

    int deleteByWorker(@Param("workerId") long workerId);
}
