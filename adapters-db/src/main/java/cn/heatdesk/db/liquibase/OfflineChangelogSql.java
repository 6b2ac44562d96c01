package cn.heatdesk.db.liquibase;

import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.UpdateSummaryEnum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Produces the SQL script {@code liquibase update-sql} would run against an empty database, without a server, by
 * using an {@link OfflineConnection} ({@code offline:dm?version=8.1...}).
 *
 * <p>Each call uses its own throw-away offline history file, so every call renders the whole changelog. Meant for
 * tests and tooling: it resets Liquibase's JVM-wide history-service registry, so do not run it while a real
 * Liquibase update is in progress in the same JVM.</p>
 */
public final class OfflineChangelogSql {

    /** Server version the offline connection pretends to be; version-dependent generators key off it. */
    private static final Map<String, String> VERSIONS = new LinkedHashMap<>();

    static {
        VERSIONS.put("h2", "2.3");
        VERSIONS.put("postgresql", "15.0");
        VERSIONS.put("mariadb", "10.11.0");
        VERSIONS.put("mysql", "8.0.36");
        VERSIONS.put(DmDatabase.SHORT_NAME, "8.1");
        VERSIONS.put(KingbaseDatabase.SHORT_NAME, "12.1");
        // The MySQL-protocol version OceanBase 4.x reports (5.7.25-OceanBase_CE-v4...).
        VERSIONS.put(OceanBaseDatabase.SHORT_NAME, "5.7.25");
    }

    /** Short names this utility supports, in the order of the support table. */
    public static final List<String> SHORT_NAMES = List.copyOf(VERSIONS.keySet());

    private OfflineChangelogSql() {
    }

    /** Full script including the DDL/DML for Liquibase's own DATABASECHANGELOG and lock tables. */
    public static String generate(String changelogPath, String shortName) {
        return generate(changelogPath, shortName, true, Thread.currentThread().getContextClassLoader());
    }

    /**
     * @param changelogPath         classpath path of the master changelog, e.g. {@code db/changelog/master.xml}
     * @param shortName             one of {@link #SHORT_NAMES}
     * @param includeLiquibaseTables whether to include the SQL for Liquibase's own tracking tables
     * @param classLoader           where the changelog and its includes are read from
     */
    public static String generate(String changelogPath, String shortName, boolean includeLiquibaseTables,
                                  ClassLoader classLoader) {
        if (!VERSIONS.containsKey(shortName)) {
            throw new IllegalArgumentException("Unsupported database short name '" + shortName + "', expected one of "
                    + SHORT_NAMES);
        }
        Path history = null;
        try {
            history = Files.createTempFile("heatdesk-offline-history-", ".csv");
            Files.delete(history); // Liquibase creates it; an empty pre-existing file is not a valid history
            String url = offlineUrl(shortName, history, includeLiquibaseTables);
            ResourceAccessor accessor = new ClassLoaderResourceAccessor(classLoader);
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), accessor);
            scope.put(Scope.Attr.classLoader.name(), classLoader);
            // No network here or on customer sites: never try to send Liquibase usage analytics.
            scope.put("liquibase.analytics.enabled", false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Scope.child(scope, () -> {
                // OfflineConnection registers its history service in a JVM-wide factory; drop earlier ones so this
                // run reads its own empty history file and not a previous call's.
                ChangeLogHistoryServiceFactory histories = Scope.getCurrentScope()
                        .getSingleton(ChangeLogHistoryServiceFactory.class);
                histories.resetAll();
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new OfflineConnection(url, accessor));
                try {
                    new CommandScope(UpdateSqlCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateSqlCommandStep.CHANGELOG_FILE_ARG, changelogPath)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                            .setOutput(out)
                            .execute();
                } finally {
                    database.close();
                    histories.resetAll();
                }
            });
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Offline SQL generation failed for " + shortName + ": " + e.getMessage(), e);
        } finally {
            if (history != null) {
                try {
                    Files.deleteIfExists(history);
                } catch (IOException ignored) {
                    // temp file; nothing useful to do
                }
            }
        }
    }

    /** The {@code offline:} URL used for {@code shortName}. */
    public static String offlineUrl(String shortName, Path historyFile, boolean includeLiquibaseTables) {
        String version = VERSIONS.get(shortName);
        if (version == null) {
            throw new IllegalArgumentException("Unsupported database short name '" + shortName + "'");
        }
        return "offline:" + shortName
                + "?version=" + version
                + "&changeLogFile=" + URLEncoder.encode(historyFile.toString(), StandardCharsets.UTF_8)
                + "&outputLiquibaseSql=" + (includeLiquibaseTables ? "all" : "none");
    }
}
