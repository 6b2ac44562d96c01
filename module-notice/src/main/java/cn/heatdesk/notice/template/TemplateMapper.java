package cn.heatdesk.notice.template;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** nt_template: group-wide configuration, not scoped (no subsidiary). */
@Mapper
public interface TemplateMapper {

    List<NoticeTemplate> selectAll();

    List<NoticeTemplate> selectPage(@Param("f") TemplateFilter filter, @Param("orderBy") String orderBy);

    NoticeTemplate selectById(@Param("id") long id);

    /** text, enabled flag and remark; optimistic lock on row_version */
    int update(NoticeTemplate t);
}
