package cn.heatdesk.repair.support;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Rewrites org paths (and subsidiary ids) of repair rows under an org that moved. */
@Mapper
public interface RepairOrgPathMapper {

    /**
     * Every table of this module that carries org_path. RepairOrgPathMapperTablesTest compares it with the
     * changelogs, so a new rp_* table with org_path cannot be forgotten here.
     */
    List<String> TABLES = List.of(
            "rp_worker", "rp_worker_area",
            "rp_device", "rp_device_request", "rp_sync_op", "rp_check_in", "rp_fill_back", "rp_sync_change",
            "rp_media_upload", "rp_field_media", "rp_ticket_media", "rp_signature", "rp_field_temp");

    /** @param table one of {@link #TABLES} (spliced into the SQL, never user input) */
    int move(@Param("table") String table, @Param("oldPath") String oldPath, @Param("newPath") String newPath,
             @Param("oldSubsidiaryId") Long oldSubsidiaryId, @Param("newSubsidiaryId") Long newSubsidiaryId);
}
