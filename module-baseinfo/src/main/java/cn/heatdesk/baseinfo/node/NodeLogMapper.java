package cn.heatdesk.baseinfo.node;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

@Mapper
@DataScoped(alias = "l")
public interface NodeLogMapper {

    void insert(NodeLog log);

    /** newest first; page with Paging */
    List<NodeLog> selectByNode(@Param("nodeId") long nodeId);

    /** the log follows its node when coverage gives the node another responsible org */
    int updateOrgPathByNodes(@Param("nodeIds") Collection<Long> nodeIds, @Param("orgPath") String orgPath);
}
