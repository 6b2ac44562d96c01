package cn.heatdesk.repair.support;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org-move handler covers exactly the repair tables that carry org_path: every createTable / addColumn of an
 * org_path column in the repair changelogs must be listed in {@link RepairOrgPathMapper#TABLES}, and nothing else.
 */
class RepairOrgPathMapperTablesTest {

    @Test
    void everyRepairTableWithOrgPathIsMovedAndNoOther() throws Exception {
        Set<String> withOrgPath = new TreeSet<>();
        Resource[] files = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                .getResources("classpath*:db/changelog/repair/*.xml");
        assertThat(files).isNotEmpty();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        for (Resource r : files) {
            try (InputStream in = r.getInputStream()) {
                var doc = f.newDocumentBuilder().parse(in);
                for (String tag : new String[]{"createTable", "addColumn"}) {
                    NodeList tables = doc.getElementsByTagName(tag);
                    for (int i = 0; i < tables.getLength(); i++) {
                        Element t = (Element) tables.item(i);
                        NodeList cols = t.getElementsByTagName("column");
                        for (int j = 0; j < cols.getLength(); j++) {
                            if ("org_path".equalsIgnoreCase(((Element) cols.item(j)).getAttribute("name"))) {
                                withOrgPath.add(t.getAttribute("tableName").toLowerCase());
                            }
                        }
                    }
                }
            }
        }
        assertThat(withOrgPath).contains("rp_worker", "rp_device", "rp_check_in", "rp_field_media");
        assertThat(new TreeSet<>(RepairOrgPathMapper.TABLES)).isEqualTo(withOrgPath);
        assertThat(RepairOrgPathMapper.TABLES).doesNotHaveDuplicates()
                .allMatch(t -> t.matches("rp_[a-z_]+"), "plain table names (spliced into SQL)");
    }
}
