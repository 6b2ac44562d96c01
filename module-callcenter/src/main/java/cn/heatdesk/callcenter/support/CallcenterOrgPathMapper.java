package cn.heatdesk.callcenter.support;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Org-path maintenance of the call-center tables (an org node moved: the paths under it change). */
@Mapper
public interface CallcenterOrgPathMapper {

    /**
     * Every call-center table with an org_path column; the changelog guard test (CallcenterOrgPathMapperTablesTest)
     * keeps this list equal to the changelogs.
     */
    List<String> TABLES = List.of("cc_gateway", "cc_phone", "cc_queue", "cc_agent", "cc_agent_state_log",
            "cc_agent_session", "cc_call", "cc_call_leg", "cc_call_ticket", "cc_recording", "cc_recording_access",
            "cc_ivr_menu", "cc_ivr_node", "cc_ivr_key", "cc_ivr_time", "cc_voicemail", "cc_voicemail_log",
            "cc_supervisor_action");

    int move(@Param("table") String table, @Param("oldPath") String oldPath, @Param("newPath") String newPath,
             @Param("oldSubsidiaryId") Long oldSubsidiaryId, @Param("newSubsidiaryId") Long newSubsidiaryId);
}
