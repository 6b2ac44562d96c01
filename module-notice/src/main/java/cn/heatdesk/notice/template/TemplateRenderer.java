package cn.heatdesk.notice.template;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills {@code ${name}} placeholders from the notice's params. A missing or null parameter becomes an empty
 * string (a half-filled message is still worth sending; the preview lists what was missing). Times print as
 * {@code yyyy-MM-dd HH:mm}, collections joined with 、.
 */
public final class TemplateRenderer {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]{0,63})}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private TemplateRenderer() {
    }

    /** @param missing names whose value was absent or null (in order of appearance, no duplicates) */
    public record Rendered(String text, List<String> missing) {
    }

    public static Rendered render(String template, Map<String, ?> params) {
        if (template == null) {
            return new Rendered(null, List.of());
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        Set<String> missing = new LinkedHashSet<>();
        while (m.find()) {
            String name = m.group(1);
            Object v = params == null ? null : params.get(name);
            String s = format(v);
            if (s == null) {
                missing.add(name);
                s = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(s));
        }
        m.appendTail(out);
        return new Rendered(out.toString(), new ArrayList<>(missing));
    }

    /** placeholder names used in the template, in order, no duplicates */
    public static List<String> placeholders(String template) {
        if (template == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }

    static String format(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime t) {
            return t.format(TIME);
        }
        if (v instanceof LocalDate d) {
            return d.format(DAY);
        }
        if (v instanceof TemporalAccessor t) {
            return v.toString();
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(TemplateRenderer::format).filter(s -> s != null && !s.isEmpty())
                    .collect(Collectors.joining("、"));
        }
        return String.valueOf(v);
    }

    /** cuts to max characters with an ellipsis (columns have fixed lengths) */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
