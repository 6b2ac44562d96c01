package cn.heatdesk.settings.org;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/** org_unit, org_type and org_unit_history. Reads are limited to the caller's data scope unless marked. */
@Mapper
@DataScoped(alias = "o")
public interface OrgMapper {

    List<OrgUnit> selectAll(@Param("includeDisabled") boolean includeDisabled);

    List<OrgUnit> selectPage(@Param("f") OrgFilter filter, @Param("orderBy") String orderBy);

    OrgUnit selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    OrgUnit selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    List<OrgUnit> selectSubtreeUnscoped(@Param("pathPrefix") String pathPrefix);

    @DataScoped(ignore = true)
    int countEnabledChildren(@Param("parentId") long parentId);

    @DataScoped(ignore = true)
    OrgUnit selectByCodeUnscoped(@Param("orgCode") String orgCode);

    @DataScoped(ignore = true)
    int countByCode(@Param("orgCode") String orgCode, @Param("excludeId") Long excludeId);

    @DataScoped(ignore = true)
    OrgUnit selectRoot();

    int insert(OrgUnit org);

    int update(OrgUnit org);

    int updatePlacement(@Param("id") long id, @Param("parentId") Long parentId, @Param("orgPath") String orgPath,
                        @Param("depth") int depth, @Param("subsidiaryId") Long subsidiaryId,
                        @Param("updatedBy") long updatedBy, @Param("now") LocalDateTime now);

    int updateEnabled(@Param("id") long id, @Param("enabled") int enabled, @Param("updatedBy") long updatedBy,
                      @Param("now") LocalDateTime now);

    @DataScoped(ignore = true)
    List<OrgType> selectTypes();

    @DataScoped(ignore = true)
    OrgType selectType(@Param("typeCode") String typeCode);

    int insertType(OrgType type);

    int insertHistory(OrgHistory history);

    @DataScoped(ignore = true)
    List<OrgHistory> selectHistory(@Param("orgId") long orgId);
}
