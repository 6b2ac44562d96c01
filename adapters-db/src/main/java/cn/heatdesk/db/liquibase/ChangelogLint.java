package cn.heatdesk.db.liquibase;

import cn.heatdesk.db.ReservedWords;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Liquibase XML changelogs against HeatDesk's portability rules (see docs/databases.md), following
 * {@code <include file="...">} (classpath or {@code relativeToChangelogFile}) recursively.
 *
 * <p>Rules: names (tables, views, columns, indexes, constraints) must not be reserved in any shipped list
 * ({@link ReservedWords}), must be at most {@value #MAX_IDENTIFIER_LENGTH} characters and plain
 * {@code [a-z][a-z0-9_]*} (or all upper case); no autoIncrement (ids are application snowflakes); column types only
 * from the portable set; no BOOLEAN (use SMALLINT 0/1); {@code <sql>}/{@code <sqlFile>} only with a {@code dbms}
 * attribute. Type rules are skipped inside changeSets that carry {@code dbms} (they are database specific by
 * definition); name rules are not.</p>
 */
public final class ChangelogLint {

    public static final int MAX_IDENTIFIER_LENGTH = 30;
    public static final int MAX_VARCHAR_LENGTH = 4000;

    public enum Rule {
        RESERVED_WORD, IDENTIFIER_TOO_LONG, INVALID_IDENTIFIER, AUTO_INCREMENT, NON_PORTABLE_TYPE, BOOLEAN_TYPE,
        RAW_SQL_WITHOUT_DBMS, INCLUDE_NOT_FOUND, PARSE_ERROR
    }

    /** One finding; {@link #toString()} is the human-readable form. */
    public record Violation(String file, String changeSetId, Rule rule, String message) {
        @Override
        public String toString() {
            return file + (changeSetId == null ? "" : " [changeSet " + changeSetId + "]") + " " + rule + ": " + message;
        }
    }

    private static final Pattern PORTABLE_SIMPLE = Pattern.compile("BIGINT|INT|SMALLINT|DATE|DATETIME|CLOB|BLOB");
    private static final Pattern PORTABLE_SIZED = Pattern.compile("(VARCHAR|CHAR)\\((\\d+)\\)");
    private static final Pattern PORTABLE_DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");
    private static final Pattern BOOLEAN_LIKE = Pattern.compile("BOOLEAN|BOOL|BIT(\\(\\d+\\))?|TINYINT\\(1\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*|[A-Z][A-Z0-9_]*");

    private final Function<String, URL> resolver;
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    private ChangelogLint(Function<String, URL> resolver) {
        this.resolver = resolver;
    }

    /** Lints a changelog on the context class path, e.g. {@code db/changelog/master.xml}. */
    public static List<Violation> lintClasspath(String changelogPath) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return lintClasspath(changelogPath, cl == null ? ChangelogLint.class.getClassLoader() : cl);
    }

    public static List<Violation> lintClasspath(String changelogPath, ClassLoader classLoader) {
        ChangelogLint lint = new ChangelogLint(path -> classLoader.getResource(stripClasspathPrefix(path)));
        lint.lintFile(stripClasspathPrefix(changelogPath));
        return List.copyOf(lint.violations);
    }

    /**
     * Lints a changelog on disk; non-relative includes are resolved against {@code searchRoot} the way Liquibase
     * resolves them against its search path (e.g. {@code src/main/resources}).
     */
    public static List<Violation> lintDirectory(Path searchRoot, String changelogPath) {
        ChangelogLint lint = new ChangelogLint(path -> {
            Path p = searchRoot.resolve(stripClasspathPrefix(path)).normalize();
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                return null;
            }
        });
        lint.lintFile(stripClasspathPrefix(changelogPath));
        return List.copyOf(lint.violations);
    }

    private static String stripClasspathPrefix(String path) {
        String p = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private void lintFile(String path) {
        String normalized = normalize(path);
        if (!visited.add(normalized)) {
            return; // already linted (or an include cycle)
        }
        if (!normalized.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            violations.add(new Violation(normalized, null, Rule.PARSE_ERROR,
                    "only XML changelogs can be checked; write HeatDesk changelogs in XML"));
            return;
        }
        URL url = resolver.apply(normalized);
        if (url == null) {
            violations.add(new Violation(normalized, null, Rule.INCLUDE_NOT_FOUND, "changelog not found"));
            return;
        }
        Document doc;
        try (InputStream in = url.openStream()) {
            doc = builder().parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            violations.add(new Violation(normalized, null, Rule.PARSE_ERROR, e.getMessage()));
            return;
        }
        for (Element child : children(doc.getDocumentElement())) {
            switch (child.getLocalName()) {
                case "include" -> include(normalized, child);
                case "changeSet" -> changeSet(normalized, child);
                default -> {
                    // properties, preconditions, includeAll etc. carry no schema objects
                }
            }
        }
    }

    private void include(String currentFile, Element include) {
        String file = include.getAttribute("file");
        if (file.isBlank()) {
            return;
        }
        boolean relative = Boolean.parseBoolean(include.getAttribute("relativeToChangelogFile"));
        String target = relative ? parentOf(currentFile) + file : stripClasspathPrefix(file);
        lintFile(target);
    }

    private void changeSet(String file, Element changeSet) {
        String id = changeSet.getAttribute("id") + "@" + changeSet.getAttribute("author");
        boolean dbmsSpecific = !changeSet.getAttribute("dbms").isBlank();
        Checker c = new Checker(file, id, dbmsSpecific);
        for (Element change : children(changeSet)) {
            c.change(change);
        }
    }

    private final class Checker {
        private final String file;
        private final String changeSetId;
        private final boolean dbmsSpecific;

        Checker(String file, String changeSetId, boolean dbmsSpecific) {
            this.file = file;
            this.changeSetId = changeSetId;
            this.dbmsSpecific = dbmsSpecific;
        }

        void change(Element e) {
            switch (e.getLocalName()) {
                case "createTable" -> {
                    name("table", e.getAttribute("tableName"));
                    columns(e, e.getAttribute("tableName"));
                }
                case "addColumn" -> columns(e, e.getAttribute("tableName"));
                case "createIndex" -> name("index", e.getAttribute("indexName"));
                case "createView" -> name("view", e.getAttribute("viewName"));
                case "addUniqueConstraint", "addForeignKeyConstraint", "addPrimaryKey" ->
                        name("constraint", e.getAttribute("constraintName"));
                case "renameTable" -> name("table", e.getAttribute("newTableName"));
                case "renameColumn" -> {
                    name("column", e.getAttribute("newColumnName"));
                    type(e.getAttribute("tableName") + "." + e.getAttribute("newColumnName"),
                            e.getAttribute("columnDataType"), false);
                }
                case "modifyDataType" -> type(e.getAttribute("tableName") + "." + e.getAttribute("columnName"),
                        e.getAttribute("newDataType"), true);
                case "addAutoIncrement" -> add(Rule.AUTO_INCREMENT, "addAutoIncrement on " + e.getAttribute("tableName")
                        + "." + e.getAttribute("columnName") + ": ids are application-generated snowflakes");
                case "sql", "sqlFile" -> rawSql(e);
                case "rollback" -> children(e).forEach(this::change);
                default -> {
                    // insert, update, delete, loadData, dropXxx, comments, preconditions: no new names or types
                }
            }
        }

        private void rawSql(Element e) {
            if (e.getAttribute("dbms").isBlank() && !dbmsSpecific) {
                add(Rule.RAW_SQL_WITHOUT_DBMS, "<" + e.getLocalName() + "> without a dbms attribute; use a "
                        + "Liquibase change, or give each database its own dbms-specific <sql>");
            }
        }

        private void columns(Element parent, String table) {
            for (Element column : children(parent)) {
                if (!"column".equals(column.getLocalName())) {
                    continue;
                }
                String name = column.getAttribute("name");
                name("column", name);
                String where = table + "." + name;
                if (Boolean.parseBoolean(column.getAttribute("autoIncrement"))) {
                    add(Rule.AUTO_INCREMENT, "column " + where + " is autoIncrement: ids are application-generated "
                            + "snowflakes (BIGINT)");
                }
                type(where, column.getAttribute("type"), true);
                for (Element constraints : children(column)) {
                    if ("constraints".equals(constraints.getLocalName())) {
                        for (String attr : List.of("primaryKeyName", "uniqueConstraintName", "foreignKeyName",
                                "notNullConstraintName", "checkConstraintName")) {
                            name("constraint", constraints.getAttribute(attr));
                        }
                    }
                }
            }
        }

        private void name(String kind, String name) {
            if (name == null || name.isBlank()) {
                return;
            }
            if (name.length() > MAX_IDENTIFIER_LENGTH) {
                add(Rule.IDENTIFIER_TOO_LONG, kind + " '" + name + "' has " + name.length() + " characters, max "
                        + MAX_IDENTIFIER_LENGTH);
            }
            if (!IDENTIFIER.matcher(name).matches()) {
                add(Rule.INVALID_IDENTIFIER, kind + " '" + name + "' must be [a-z][a-z0-9_]* (no quotes, no mixed "
                        + "case: PostgreSQL keeps quoted case, DM and Oracle fold to upper case)");
            }
            List<String> lists = ReservedWords.listsContaining(name);
            if (!lists.isEmpty()) {
                add(Rule.RESERVED_WORD, kind + " '" + name + "' is reserved in " + String.join(", ", lists));
            }
        }

        private void type(String where, String rawType, boolean required) {
            if (dbmsSpecific) {
                return;
            }
            if (rawType == null || rawType.isBlank()) {
                if (required) {
                    add(Rule.NON_PORTABLE_TYPE, "column " + where + " has no type");
                }
                return;
            }
            String t = rawType.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
            if (t.contains("${")) {
                add(Rule.NON_PORTABLE_TYPE, "column " + where + " type '" + rawType + "' uses a changelog property; "
                        + "write a portable type directly");
                return;
            }
            if (BOOLEAN_LIKE.matcher(t).matches()) {
                add(Rule.BOOLEAN_TYPE, "column " + where + " type '" + rawType + "': booleans are SMALLINT 0/1");
                return;
            }
            if (PORTABLE_SIMPLE.matcher(t).matches() || PORTABLE_DECIMAL.matcher(t).matches()) {
                return;
            }
            Matcher sized = PORTABLE_SIZED.matcher(t);
            if (sized.matches()) {
                long n = Long.parseLong(sized.group(2));
                if (n < 1 || n > MAX_VARCHAR_LENGTH) {
                    add(Rule.NON_PORTABLE_TYPE, "column " + where + " type '" + rawType + "': length must be 1.."
                            + MAX_VARCHAR_LENGTH + ", use CLOB for longer text");
                }
                return;
            }
            add(Rule.NON_PORTABLE_TYPE, "column " + where + " type '" + rawType + "' is not portable" + hint(t)
                    + "; allowed: BIGINT, INT, SMALLINT, DECIMAL(p,s), VARCHAR(n), CHAR(n), DATE, DATETIME, CLOB, BLOB");
        }

        private void add(Rule rule, String message) {
            violations.add(new Violation(file, changeSetId, rule, message));
        }
    }

    private static String hint(String t) {
        if (t.startsWith("TIMESTAMP")) {
            return " (use DATETIME for business times)";
        }
        if (t.equals("INTEGER")) {
            return " (write INT)";
        }
        if (t.equals("TEXT") || t.endsWith("TEXT") || t.startsWith("NCLOB")) {
            return " (use CLOB)";
        }
        if (t.startsWith("NUMERIC") || t.startsWith("NUMBER") || t.equals("DECIMAL") || t.startsWith("DECIMAL(")) {
            return " (use DECIMAL(p,s) with explicit precision and scale)";
        }
        if (t.startsWith("VARCHAR") || t.startsWith("NVARCHAR") || t.equals("CHAR")) {
            return " (use VARCHAR(n) / CHAR(n) with an explicit length)";
        }
        if (t.startsWith("TINYINT") || t.startsWith("MEDIUMINT")) {
            return " (use SMALLINT or INT)";
        }
        if (t.contains("BLOB") || t.contains("BINARY") || t.equals("BYTEA")) {
            return " (use BLOB)";
        }
        return "";
    }

    private static String normalize(String path) {
        Path p = Path.of(path).normalize();
        return p.toString().replace('\\', '/');
    }

    private static String parentOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash + 1);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // Changelogs are trusted project files, but there is no reason to fetch DTDs or entities.
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return Objects.requireNonNull(f.newDocumentBuilder());
    }
}
