package cn.heatdesk.repair.support;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Rewrites org paths (and subsidiary ids) of repair rows under an org that moved. */
@Mapper
public interface RepairOrgPathMapper {

    int moveWorkers(@Param("oldPath") String oldPath, @Param("newPath") String newPath,
                    @Param("oldSubsidiaryId") Long oldSubsidiaryId, @Param("newSubsidiaryId") Long newSubsidiaryId);

    int moveAreas(@Param("oldPath") String oldPath, @Param("newPath") String newPath,
                  @Param("oldSubsidiaryId") Long oldSubsidiaryId, @Param("newSubsidiaryId") Long newSubsidiaryId);
}
