package cn.heatdesk.baseinfo.node;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
@DataScoped(alias = "l")
public interface NodeLogMapper {

    void insert(NodeLog log);

    /** newest first; page with Paging */
    List<NodeLog> selectByNode(@Param("nodeId") long nodeId);
}
