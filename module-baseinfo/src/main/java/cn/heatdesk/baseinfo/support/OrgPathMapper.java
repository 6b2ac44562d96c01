package cn.heatdesk.baseinfo.support;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Rewrites org path prefixes in every base-data table after an org node moves. */
@Mapper
public interface OrgPathMapper {

    /** @param table one of the module's own tables (checked by the caller against a fixed list) */
    int movePaths(@Param("table") String table, @Param("oldPath") String oldPath, @Param("newPath") String newPath);
}
