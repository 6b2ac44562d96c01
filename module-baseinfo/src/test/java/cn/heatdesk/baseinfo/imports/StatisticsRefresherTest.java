package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.db.dialect.SqlDialects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsRefresherTest {

    @Test
    void refreshesAtTwoThousandRowsThenEachTimeTheCountDoubles() {
        long at = StatisticsRefresher.FIRST_AT;
        int refreshes = 0;
        for (long rows = 500; rows <= 1_000_000; rows += 500) {
            if (rows >= at) {
                refreshes++;
                at = StatisticsRefresher.nextThreshold(rows);
            }
        }
        assertThat(refreshes).isBetween(9, 10);
    }

    @Test
    void eachDialectNamesItsStatisticsStatement() {
        assertThat(SqlDialects.forDatabaseId("postgresql").analyze("bi_household")).isEqualTo("ANALYZE bi_household");
        assertThat(SqlDialects.forDatabaseId("mysql").analyze("bi_household")).isEqualTo("ANALYZE TABLE bi_household");
        assertThat(SqlDialects.forDatabaseId("h2").analyze("bi_household")).isEqualTo("ANALYZE TABLE bi_household");
        assertThat(SqlDialects.forDatabaseId("dm").analyze("bi_household")).isNull();
    }
}
