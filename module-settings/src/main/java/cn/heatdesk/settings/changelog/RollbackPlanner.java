package cn.heatdesk.settings.changelog;

import cn.heatdesk.settings.api.SettingChangeKind;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a change-log entry may be rolled back, from the entity's later entries alone.
 * <p>
 * A later change blocks the rollback unless it has been cancelled: an entry is in effect unless a ROLLBACK of it
 * is itself in effect; a ROLLBACK that cancels a later entry nets out with it. So "B, then roll back B" leaves the
 * entity as it was after A and A may be rolled back, while "B, roll back B, roll back that rollback" does not.
 */
public final class RollbackPlanner {

    /** The fields of a log entry the decision needs. */
    public record Entry(long id, SettingChangeKind changeKind, boolean rolledBack, Long rollbackOf) {
    }

    /** @param refusal Chinese message when refused, null when allowed */
    public record Decision(boolean allowed, String refusal, Long blockingEntryId) {
        static Decision ok() {
            return new Decision(true, null, null);
        }

        static Decision refuse(String message, Long blocking) {
            return new Decision(false, message, blocking);
        }
    }

    private RollbackPlanner() {
    }

    /**
     * @param newer the entity's entries with a larger id than {@code target}, in any order
     */
    public static Decision check(Entry target, List<Entry> newer) {
        if (target.rolledBack()) {
            return Decision.refuse("该变更已回滚过，不能重复回滚", null);
        }
        Map<Long, Entry> byId = new HashMap<>();
        Map<Long, Entry> rollbackOfTarget = new HashMap<>();
        for (Entry e : newer) {
            if (e.id() <= target.id()) {
                continue;
            }
            byId.put(e.id(), e);
            if (e.changeKind() == SettingChangeKind.ROLLBACK && e.rollbackOf() != null) {
                rollbackOfTarget.put(e.rollbackOf(), e);
            }
        }
        Map<Long, Boolean> memo = new HashMap<>();
        Long latestBlocking = null;
        for (Entry e : byId.values()) {
            boolean cancelsNewer = e.changeKind() == SettingChangeKind.ROLLBACK
                    && e.rollbackOf() != null && byId.containsKey(e.rollbackOf());
            if (!cancelsNewer && inEffect(e, rollbackOfTarget, memo, new HashSet<>())) {
                if (latestBlocking == null || e.id() > latestBlocking) {
                    latestBlocking = e.id();
                }
            }
        }
        if (latestBlocking != null) {
            return Decision.refuse("该对象在此之后又有变更（变更记录 " + latestBlocking + "），请先回滚较新的变更", latestBlocking);
        }
        return Decision.ok();
    }

    private static boolean inEffect(Entry e, Map<Long, Entry> rollbackOf, Map<Long, Boolean> memo, Set<Long> path) {
        Boolean known = memo.get(e.id());
        if (known != null) {
            return known;
        }
        if (!path.add(e.id())) {
            return true; // corrupt cycle: treat as in effect, i.e. refuse
        }
        Entry undo = rollbackOf.get(e.id());
        boolean result = undo == null || !inEffect(undo, rollbackOf, memo, path);
        memo.put(e.id(), result);
        return result;
    }

    public static Entry entryOf(SettingChangeLog log) {
        return new Entry(log.getId(), SettingChangeKind.valueOf(log.getChangeKind()), log.wasRolledBack(), log.getRollbackOf());
    }
}
