package cn.heatdesk.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reserved-word lists shipped as resources under {@code cn/heatdesk/db/reserved/}. A name is portable only if it is
 * in none of them.
 */
public final class ReservedWords {

    public static final String SQL2016 = "sql2016";
    public static final String POSTGRESQL = "postgresql";
    public static final String MYSQL = "mysql";
    public static final String DM = "oracle-dm";
    public static final String KINGBASE = "kingbase";

    /** List name to description, in report order. */
    public static final Map<String, String> LISTS;

    static {
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put(SQL2016, "SQL:2016");
        lists.put(POSTGRESQL, "PostgreSQL");
        lists.put(MYSQL, "MySQL/MariaDB");
        lists.put(DM, "Oracle/DM");
        lists.put(KINGBASE, "KingbaseES");
        LISTS = Collections.unmodifiableMap(lists);
    }

    private static final Map<String, Set<String>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private ReservedWords() {
    }

    /** Upper-case words of one list. */
    public static Set<String> list(String name) {
        if (!LISTS.containsKey(name)) {
            throw new IllegalArgumentException("Unknown reserved-word list '" + name + "', known: " + LISTS.keySet());
        }
        return CACHE.computeIfAbsent(name, ReservedWords::load);
    }

    /** Descriptions of the lists that contain {@code word} (case-insensitive); empty if the word is portable. */
    public static List<String> listsContaining(String word) {
        List<String> hits = new ArrayList<>();
        String upper = word.toUpperCase(Locale.ROOT);
        for (Map.Entry<String, String> e : LISTS.entrySet()) {
            if (list(e.getKey()).contains(upper)) {
                hits.add(e.getValue());
            }
        }
        return hits;
    }

    private static Set<String> load(String name) {
        String path = "cn/heatdesk/db/reserved/" + name + ".txt";
        InputStream in = ReservedWords.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + path);
        }
        Set<String> words = new TreeSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toUpperCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(words);
    }
}
