package cn.heatdesk.db.mybatis;

import cn.heatdesk.db.DatabaseIds;
import cn.heatdesk.db.testsupport.FakeJdbc;
import cn.heatdesk.db.testsupport.TestDatabases;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeatDeskDatabaseIdProviderTest {

    private final DatabaseIdProvider provider = new HeatDeskDatabaseIdProvider();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "H2|2.3.232|jdbc:h2:mem:x|h2",
            "PostgreSQL|15.4|jdbc:postgresql://db/heatdesk|postgresql",
            "MySQL|8.0.36|jdbc:mysql://db/heatdesk|mysql",
            "MariaDB|10.11.6-MariaDB|jdbc:mariadb://db/heatdesk|mysql",
            "MySQL|5.7.25-OceanBase_CE-v4.2.1.0|jdbc:mysql://db:2881/heatdesk|mysql",
            "DM DBMS|8.1.3.140|jdbc:dm://db:5236|dm",
            "Oracle|8.1.3.140|jdbc:dm://db:5236?compatibleMode=oracle|dm",
            "KingbaseES|V009R001|jdbc:kingbase8://db:54321/heatdesk|kingbase"})
    void mapsProducts(String product, String version, String url, String expected) throws Exception {
        FakeJdbc fake = new FakeJdbc(product, version, url);
        fake.identifierQuote = product.startsWith("My") || product.startsWith("Maria") ? "`" : "\"";
        assertThat(provider.getDatabaseId(fake.dataSource())).isEqualTo(expected);
    }

    @Test
    void oceanBaseClientMySqlModeIsMysqlAndOracleModeIsRejected() throws Exception {
        FakeJdbc mysqlMode = new FakeJdbc("OceanBase", "4.2.1.0", "jdbc:oceanbase://db:2881/heatdesk");
        mysqlMode.identifierQuote = "`";
        assertThat(provider.getDatabaseId(mysqlMode.dataSource())).isEqualTo(DatabaseIds.MYSQL);

        FakeJdbc oracleMode = new FakeJdbc("OceanBase", "4.2.1.0", "jdbc:oceanbase://db:2881/heatdesk");
        oracleMode.identifierQuote = "\"";
        assertThatThrownBy(() -> provider.getDatabaseId(oracleMode.dataSource()))
                .isInstanceOf(DatabaseIds.UnsupportedDatabaseException.class)
                .hasMessageContaining("Oracle mode");
    }

    @Test
    void unknownProductFailsWithItsName() {
        FakeJdbc oracle = new FakeJdbc("Oracle", "19.0", "jdbc:oracle:thin:@db:1521/orcl");
        assertThatThrownBy(() -> provider.getDatabaseId(oracle.dataSource()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unsupported database product 'Oracle'");
    }

    @Test
    void realH2IsH2() throws Exception {
        TestDatabases.Db h2 = TestDatabases.h2();
        try (Connection keepAlive = h2.open()) {
            assertThat(provider.getDatabaseId(h2.dataSource())).isEqualTo("h2");
        }
    }

    @Test
    void nullDataSourceIsRejected() {
        assertThatThrownBy(() -> provider.getDatabaseId(null)).isInstanceOf(NullPointerException.class);
    }
}
