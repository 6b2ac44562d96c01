package cn.heatdesk.servicedesk.visit;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Visit records and templates; the statistics read is scoped by the tickets' org path. */
@Mapper
public interface VisitMapper {

    int insertTemplate(VisitTemplate t);

    int updateTemplate(VisitTemplate t);

    VisitTemplate selectTemplateById(@Param("id") long id);

    List<VisitTemplate> selectTemplates();

    VisitTemplate selectTemplateByCode(@Param("code") String code);

    int insertVisit(Visit v);

    List<Visit> selectVisits(@Param("ticketId") long ticketId);

    @DataScoped(alias = "t")
    Map<String, Object> selectStats(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                    @Param("now") LocalDateTime now);
}
