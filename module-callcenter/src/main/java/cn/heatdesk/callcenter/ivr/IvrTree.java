package cn.heatdesk.callcenter.ivr;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One hotline's menu compiled for the FastAGI script: immutable, validated when saved, so walking it never touches
 * the database.
 */
public record IvrTree(long menuId, long gatewayId, String hotline, String rootNode, String operatorQueue,
                      Step offHours, String offHoursPrompt, Map<String, Node> nodes, List<Window> workHours,
                      Set<LocalDate> holidays, long subsidiaryId) {

    /** an action with its target (node code or queue name) */
    public record Step(IvrAction action, String target) {
    }

    /**
     * @param timeoutMs   GET DATA timeout for the one key
     * @param maxRetries  re-prompts after an invalid key or a timeout before {@code fail} applies
     */
    public record Node(String code, String name, String prompt, long timeoutMs, int maxRetries, String invalidPrompt,
                       String timeoutPrompt, Step fail, Map<String, Step> keys) {
    }

    /** open from start (inclusive) to end (exclusive) on a weekday 1 = Monday … 7 = Sunday */
    public record Window(int weekday, LocalTime start, LocalTime end) {
        boolean contains(LocalDateTime t) {
            LocalTime time = t.toLocalTime();
            return t.getDayOfWeek() == DayOfWeek.of(weekday) && !time.isBefore(start) && time.isBefore(end);
        }
    }

    public Node node(String code) {
        return nodes.get(code);
    }

    /** out of hours: a holiday, or work hours are configured and none contains {@code t} */
    public boolean closedAt(LocalDateTime t) {
        if (offHours == null) {
            return false;
        }
        if (holidays.contains(t.toLocalDate())) {
            return true;
        }
        return !workHours.isEmpty() && workHours.stream().noneMatch(w -> w.contains(t));
    }
}
