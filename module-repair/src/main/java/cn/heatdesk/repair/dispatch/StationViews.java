package cn.heatdesk.repair.dispatch;

import cn.heatdesk.repair.worker.WorkerViews;

import java.util.List;
import java.util.Map;

/** What the station pool endpoints return besides the service desk's own ticket records. */
public final class StationViews {

    private StationViews() {
    }

    /**
     * Pool sizes for the tabs, and how many of each are overdue.
     */
    public record Counts(long pending, long assigned, long pendingOverdue, long assignedOverdue) {
    }

    /**
     * One suggested worker for a ticket.
     *
     * @param score         higher is better (see CandidateScorer)
     * @param reasons       the parts of the score in Chinese: 技能匹配：管网维修 · 负责区域：幸福家园 · 当前工单 3 张
     * @param matchedArea   the area node that contains the ticket's household, null when none
     * @param assignable    false when off duty, disabled, moved away or already holding the ticket
     */
    public record Candidate(Long workerId, Long userId, String realName, String username, String jobNumber,
                            String workerType, String workerTypeLabel, List<WorkerViews.SkillRef> skills,
                            List<String> matchedSkills, List<WorkerViews.AreaView> areas, String matchedArea,
                            boolean onDuty, int openLoad, int maxLoad, int score, List<String> reasons,
                            boolean assignable, String blockedReason) {
    }

    /** the suggestion list of one ticket */
    public record Candidates(Long ticketId, String ticketNo, String ticketType, String ticketTypeLabel,
                             Long stationOrgId, String stationName, Long currentWorkerId, String householdPath,
                             List<Candidate> candidates) {
    }

    /**
     * A place with many tickets.
     *
     * @param name       community name, or 小区/楼栋/单元 for a unit
     * @param byType     ticket type label → count, most first
     */
    public record Spot(Long nodeId, String name, int tickets, int openTickets, int households,
                       Map<String, Integer> byType) {
    }

    /**
     * Fault hot spots of the last {@code days} days in the caller's scope (narrowed to one station when given).
     *
     * @param tickets   tickets counted
     * @param truncated true when more tickets matched than were read (the newest {@code tickets} were counted)
     * @param unlocated tickets without a household (no place to count them at)
     */
    public record Hotspots(int days, Long stationOrgId, long tickets, boolean truncated, long unlocated,
                           List<Spot> communities, List<Spot> units) {
    }
}
