package cn.heatdesk.db.testsupport;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/** Reads Liquibase changelogs as XML: which tables get a given column (guard tests of per-table handlers). */
public final class ChangelogTables {

    private ChangelogTables() {
    }

    /**
     * Lower-case names of the tables that a createTable or addColumn in the changelogs matching {@code pattern}
     * (e.g. {@code classpath*:db/changelog/repair/*.xml}) gives the column {@code column}.
     */
    public static Set<String> withColumn(String pattern, String column) throws Exception {
        Set<String> tables = new TreeSet<>();
        Resource[] files = new PathMatchingResourcePatternResolver(ChangelogTables.class.getClassLoader())
                .getResources(pattern);
        if (files.length == 0) {
            throw new IllegalStateException("no changelog matches " + pattern);
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        for (Resource r : files) {
            try (InputStream in = r.getInputStream()) {
                var doc = f.newDocumentBuilder().parse(in);
                for (String tag : new String[]{"createTable", "addColumn"}) {
                    NodeList changes = doc.getElementsByTagName(tag);
                    for (int i = 0; i < changes.getLength(); i++) {
                        Element t = (Element) changes.item(i);
                        NodeList cols = t.getElementsByTagName("column");
                        for (int j = 0; j < cols.getLength(); j++) {
                            if (column.equalsIgnoreCase(((Element) cols.item(j)).getAttribute("name"))) {
                                tables.add(t.getAttribute("tableName").toLowerCase());
                            }
                        }
                    }
                }
            }
        }
        return tables;
    }
}
