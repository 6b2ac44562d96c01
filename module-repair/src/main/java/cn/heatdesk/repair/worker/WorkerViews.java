package cn.heatdesk.repair.worker;

import java.time.LocalDateTime;
import java.util.List;

/** What the worker endpoints return. Ids are boxed so JSON carries them as strings. */
public final class WorkerViews {

    private WorkerViews() {
    }

    /** a skill; {@code ticketTypes} are ticket_type codes, {@code ticketTypeLabels} their labels in the same order */
    public record SkillView(Long id, String code, String name, List<String> ticketTypes, List<String> ticketTypeLabels,
                            int sortNo, boolean enabled, Integer rowVersion) {
    }

    public record SkillRef(String code, String name) {
    }

    /** a node of the service area as picked from the heat network tree; {@code nodeName} is its full name */
    public record AreaView(Long nodeId, String nodeType, String nodeName, String nodePath) {
    }

    /**
     * A worker profile with the user's names and live open load (tickets held now, from the service desk).
     *
     * @param userEnabled false when the account is disabled
     * @param movedAway   the user now belongs to another org than the profile's station
     */
    public record WorkerView(Long id, Long userId, String username, String realName, String jobNumber,
                             boolean userEnabled, boolean movedAway, Long stationOrgId, String stationName,
                             String workerType, String workerTypeLabel, List<SkillRef> skills, List<AreaView> areas,
                             boolean onDuty, int maxLoad, int openLoad, String remark, Integer rowVersion,
                             LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    /** a WORKER user of a station without a profile yet (the choices of "新增人员档案") */
    public record UnprofiledUser(Long userId, String username, String realName, String jobNumber, Long orgId,
                                 String orgName) {
    }
}
