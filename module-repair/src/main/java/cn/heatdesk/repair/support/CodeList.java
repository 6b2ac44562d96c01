package cn.heatdesk.repair.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Short code lists stored in one column as ",A,B," (leading and trailing comma), so that "contains code X" is the
 * exact, portable pattern {@code LIKE '%,X,%'}.
 */
public final class CodeList {

    private CodeList() {
    }

    public static String join(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        return "," + String.join(",", new LinkedHashSet<>(codes)) + ",";
    }

    public static List<String> split(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public static String containsPattern(String code) {
        return "%," + code + ",%";
    }
}
