package cn.heatdesk.repair.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks a station's workers for one ticket: skill suited to the ticket type (40), responsible for the household's
 * area (30), spare capacity (up to 30, falling with the open tickets held against the worker's limit; at or over
 * the limit −20). Workers off duty, disabled or moved to another org cannot be chosen and sort last. Every part of
 * the score is spelled out in Chinese so the lead sees why.
 */
public final class CandidateScorer {

    public static final int SKILL = 40;
    public static final int AREA = 30;
    public static final int LOAD = 30;
    public static final int OVERLOAD = -20;

    private CandidateScorer() {
    }

    /** a skill: code, name, the ticket types it suits */
    public record SkillFacts(String code, String name, Set<String> ticketTypes, boolean enabled) {
    }

    public record Area(Long nodeId, String nodeName) {
    }

    /**
     * @param userActive account enabled
     * @param atStation  the user still belongs to the ticket's station
     */
    public record WorkerFacts(Long userId, String realName, List<String> skillCodes, List<Area> areas, boolean onDuty,
                              int maxLoad, int openLoad, boolean userActive, boolean atStation) {
    }

    /**
     * @param blockedReason why the worker cannot be chosen now (null when assignable)
     */
    public record Result(int score, List<String> reasons, List<String> matchedSkills, Area matchedArea,
                         boolean assignable, String blockedReason) {
    }

    /**
     * @param householdPath the ticket household's id path (/company/…/unit/), null when the ticket has no household
     * @param currentWorker the worker holding the ticket now (a reassignment must pick someone else), may be null
     */
    public static Result score(String ticketType, String householdPath, Long currentWorker, WorkerFacts w,
                               Map<String, SkillFacts> skills) {
        List<String> reasons = new ArrayList<>();
        int score = 0;

        List<String> matched = new ArrayList<>();
        for (String code : w.skillCodes()) {
            SkillFacts s = skills.get(code);
            if (s != null && s.enabled() && ticketType != null && s.ticketTypes().contains(ticketType)) {
                matched.add(s.name());
            }
        }
        if (!matched.isEmpty()) {
            score += SKILL;
            reasons.add("技能匹配：" + String.join("、", matched));
        } else {
            reasons.add("无对口技能");
        }

        Area area = deepestArea(householdPath, w.areas());
        if (area != null) {
            score += AREA;
            reasons.add("负责区域：" + shortName(area.nodeName()));
        } else if (householdPath == null) {
            reasons.add("工单未关联房屋，不比对区域");
        } else {
            reasons.add("不在负责区域");
        }

        int max = Math.max(1, w.maxLoad());
        if (w.openLoad() >= max) {
            score += OVERLOAD;
            reasons.add("当前工单 " + w.openLoad() + " 张（已达上限 " + max + " 张）");
        } else {
            score += (int) Math.round((double) LOAD * (max - w.openLoad()) / max);
            reasons.add("当前工单 " + w.openLoad() + " 张");
        }

        String blocked = null;
        if (!w.userActive()) {
            blocked = "账号已停用";
        } else if (!w.atStation()) {
            blocked = "已调离本站";
        } else if (!w.onDuty()) {
            blocked = "不在岗";
        } else if (currentWorker != null && currentWorker.equals(w.userId())) {
            blocked = "当前处理人";
        }
        if (blocked != null) {
            reasons.add(blocked);
        }
        return new Result(score, List.copyOf(reasons), List.copyOf(matched), area, blocked == null, blocked);
    }

    /** the order of the suggestion list: assignable first, then score, lighter load, name */
    public static <T> Comparator<T> order(Function<T, Result> result, Function<T, WorkerFacts> facts) {
        return Comparator.<T, Boolean>comparing(x -> !result.apply(x).assignable())
                .thenComparing(x -> -result.apply(x).score())
                .thenComparingInt(x -> facts.apply(x).openLoad())
                .thenComparing(x -> Objects.toString(facts.apply(x).realName(), ""));
    }

    /**
     * The most specific area containing the household: the node whose id appears deepest in the household's id
     * path. Matching by id rather than by a stored path prefix stays right when base information moves a subtree.
     */
    static Area deepestArea(String householdPath, Collection<Area> areas) {
        if (householdPath == null || areas == null || areas.isEmpty()) {
            return null;
        }
        List<String> ids = List.of(householdPath.split("/"));
        Area best = null;
        int bestDepth = -1;
        for (Area a : areas) {
            int depth = a.nodeId() == null ? -1 : ids.indexOf(String.valueOf(a.nodeId()));
            if (depth > bestDepth) {
                bestDepth = depth;
                best = a;
            }
        }
        return bestDepth < 0 ? null : best;
    }

    /** "城北热力有限公司/城北热电厂/城北1-1号换热站/幸福家园/1号楼" → "幸福家园/1号楼": from the community down */
    static String shortName(String fullName) {
        if (fullName == null) {
            return "";
        }
        String[] parts = fullName.split("/");
        return parts.length > 3 ? String.join("/", List.of(parts).subList(3, parts.length)) : fullName;
    }
}
