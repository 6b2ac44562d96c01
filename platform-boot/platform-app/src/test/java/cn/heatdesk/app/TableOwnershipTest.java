package cn.heatdesk.app;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module reads another module's tables: each table belongs to the module whose changelog folder creates
 * it (db/changelog/&lt;module&gt;/), and a module's MyBatis XML (mapper/&lt;module&gt;/) may name only its own tables.
 */
class TableOwnershipTest {

    private static final Pattern CREATE = Pattern.compile("createTable\\s+tableName=\"(\\w+)\"");
    private static final Pattern USE = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Test
    void everyModuleMapperUsesOnlyItsOwnTables() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (Resource r : resolver.getResources("classpath*:db/changelog/*/*.xml")) {
            String module = folder(r);
            Matcher m = CREATE.matcher(r.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                String previous = owner.put(m.group(1).toLowerCase(Locale.ROOT), module);
                assertThat(previous).as("table %s created by two modules", m.group(1)).isNull();
            }
        }
        assertThat(owner).containsKeys("sys_user", "org_unit", "audit_log");

        List<String> violations = new ArrayList<>();
        Resource[] mappers = resolver.getResources("classpath*:mapper/*/*.xml");
        assertThat(mappers).isNotEmpty();
        for (Resource r : mappers) {
            String module = folder(r);
            Matcher m = USE.matcher(r.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                String table = m.group(1).toLowerCase(Locale.ROOT);
                String tableOwner = owner.get(table);
                if (tableOwner != null && !tableOwner.equals(module)) {
                    violations.add(r.getFilename() + " (" + module + ") uses " + table + " of " + tableOwner);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static String folder(Resource r) throws IOException {
        String path = URI.create(r.getURL().toString().replace(" ", "%20")).toString();
        String[] parts = path.split("/");
        return parts[parts.length - 2];
    }
}
