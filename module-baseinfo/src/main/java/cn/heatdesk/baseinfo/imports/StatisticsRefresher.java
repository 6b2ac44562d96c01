package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.db.dialect.SqlDialect;
import cn.heatdesk.db.dialect.SqlDialects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps the optimizer's statistics of the tables an import fills current while it runs. An import into empty
 * tables otherwise keeps the plans made while they were empty (PostgreSQL with autovacuum off or behind: the
 * per-batch code lookups turn into sequential scans and a million-row load slows to a crawl). Refreshed at 2,000
 * rows and then each time the job's row count doubles, so a job pays for about twenty refreshes at most.
 */
@Component
class StatisticsRefresher {

    private static final Logger log = LoggerFactory.getLogger(StatisticsRefresher.class);
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");
    static final long FIRST_AT = 2_000;
    private static final Map<ImportKind, List<String>> TABLES = Map.of(
            ImportKind.NODE, List.of("bi_node", "bi_node_log"),
            ImportKind.HOUSEHOLD, List.of("bi_household", "bi_customer", "bi_customer_phone"),
            ImportKind.CUSTOMER, List.of("bi_customer", "bi_customer_phone"));

    private final DataSource dataSource;

    StatisticsRefresher(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** the row count at which to refresh next, after {@code rows} rows of this run were committed */
    static long nextThreshold(long rows) {
        return Math.max(FIRST_AT, rows * 2);
    }

    /** refreshes the statistics of the kind's tables; never fails the import (outside any transaction) */
    void refresh(ImportKind kind) {
        try {
            // the job runs inside its subsidiary's routing: this is that subsidiary's database
            SqlDialect dialect = SqlDialects.forDataSource(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            for (String table : TABLES.getOrDefault(kind, List.of())) {
                String sql = TABLE.matcher(table).matches() ? dialect.analyze(table) : null;
                if (sql != null) {
                    jdbc.execute(sql);
                }
            }
        } catch (Exception e) {
            log.warn("import: refreshing optimizer statistics for {} failed: {}", kind, e.getMessage());
        }
    }
}
