package cn.heatdesk.servicedesk.config;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface FlowNodeMapper {

    int insert(FlowNodeDef n);

    int update(FlowNodeDef n);

    int delete(@Param("id") long id);

    FlowNodeDef selectById(@Param("id") long id);

    List<FlowNodeDef> selectBySubsidiary(@Param("subsidiaryId") long subsidiaryId);

    int countCode(@Param("subsidiaryId") long subsidiaryId, @Param("code") String code, @Param("excludeId") Long excludeId);
}
