package cn.heatdesk.db.dialect;

import cn.heatdesk.db.DatabaseIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlDialectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mysql", "dm", "kingbase"})
    void paginationUsesLimitOffset(String id) {
        SqlDialect d = SqlDialects.forDatabaseId(id);
        assertThat(d.databaseId()).isEqualTo(id);
        assertThat(d.paginate("SELECT id FROM sd_ticket ORDER BY id", 40, 20))
                .isEqualTo("SELECT id FROM sd_ticket ORDER BY id LIMIT 20 OFFSET 40");
        assertThat(d.paginate("SELECT id FROM sd_ticket ORDER BY id", 0, 20))
                .isEqualTo("SELECT id FROM sd_ticket ORDER BY id LIMIT 20");
        assertThat(d.limit("SELECT id FROM sd_ticket ORDER BY id ;\n", 5))
                .isEqualTo("SELECT id FROM sd_ticket ORDER BY id LIMIT 5");
        assertThat(d.paginate("SELECT 1", 3_000_000_000L, 1)).endsWith("LIMIT 1 OFFSET 3000000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mysql", "dm", "kingbase"})
    void countWrapsAsDerivedTableWithoutAs(String id) {
        assertThat(SqlDialects.forDatabaseId(id).count("SELECT id FROM sd_ticket WHERE ticket_status = 1;"))
                .isEqualTo("SELECT COUNT(*) FROM (SELECT id FROM sd_ticket WHERE ticket_status = 1) hd_count_t");
    }

    @Test
    void invalidArgumentsAreRejected() {
        SqlDialect d = SqlDialects.forDatabaseId("dm");
        assertThatThrownBy(() -> d.paginate("SELECT 1", -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.paginate("SELECT 1", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.paginate("  ", 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlDialects.forDatabaseId("oracle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oracle");
    }

    @ParameterizedTest
    @CsvSource({
            "H2, h2", "PostgreSQL, postgresql", "MySQL, mysql", "MariaDB, mysql", "OceanBase, mysql",
            "DM DBMS, dm", "KingbaseES, kingbase"})
    void productNamesMapToDialects(String product, String id) {
        assertThat(SqlDialects.forProductName(product).databaseId()).isEqualTo(id);
        assertThat(DatabaseIds.fromProductName(product)).isEqualTo(id);
    }

    @Test
    void unknownProductIsNamedInTheError() {
        assertThatThrownBy(() -> SqlDialects.forProductName("Microsoft SQL Server"))
                .isInstanceOf(DatabaseIds.UnsupportedDatabaseException.class)
                .hasMessageContaining("'Microsoft SQL Server'");
    }
}
