package cn.heatdesk.servicedesk.support;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ServiceDeskPathMapper {

    /** rewrites the org path prefix {@code oldPath} → {@code newPath} of one service-desk table */
    int movePaths(@Param("table") String table, @Param("oldPath") String oldPath, @Param("newPath") String newPath);
}
