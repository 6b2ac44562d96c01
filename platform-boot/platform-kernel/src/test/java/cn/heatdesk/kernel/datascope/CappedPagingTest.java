package cn.heatdesk.kernel.datascope;

import cn.heatdesk.db.mybatis.HeatDeskDatabaseIdProvider;
import cn.heatdesk.db.testsupport.TestDatabases;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capped page counts through the real interceptor and real SQL on every test database: exact below the cap,
 * "cap and more" above it, pages past the cap empty, and the rows of a page unaffected by the cap.
 */
class CappedPagingTest {

    static final String MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
            <mapper namespace="capped">
              <select id="list" resultType="long">
                SELECT r.id FROM hd_capped r
                <where><if test="maxK != null">r.k &lt; #{maxK}</if></where>
                ORDER BY r.id DESC
              </select>
            </mapper>
            """;

    static List<TestDatabases.Db> databases() {
        return TestDatabases.targets();
    }

    static SqlSessionFactory factory(DataSource ds) throws Exception {
        Configuration c = new Configuration(new Environment("t", new JdbcTransactionFactory(), ds));
        Properties p = new Properties();
        HeatDeskDatabaseIdProvider ids = new HeatDeskDatabaseIdProvider();
        ids.setProperties(p);
        c.setDatabaseId(ids.getDatabaseId(ds));
        c.addInterceptor(new DataScopeInterceptor());
        new XMLMapperBuilder(new ByteArrayInputStream(MAPPER.getBytes(StandardCharsets.UTF_8)), c, "capped.xml",
                c.getSqlFragments()).parse();
        return new SqlSessionFactoryBuilder().build(c);
    }

    static PageQuery query(int page, int size) {
        PageQuery q = new PageQuery();
        q.setPage(page);
        q.setSize(size);
        return q;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countsStopAtTheCapAndPagesPastItAreEmpty(TestDatabases.Db db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE hd_capped (id BIGINT PRIMARY KEY, k INT NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hd_capped (id, k) VALUES (?, ?)")) {
                for (int i = 1; i <= 25; i++) {
                    ps.setLong(1, i);
                    ps.setInt(2, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        SqlSessionFactory f = factory(db.dataSource());
        try (SqlSession s = f.openSession()) {
            Map<String, Object> all = new HashMap<>();
            all.put("maxK", null);
            PageResult<Long> first = Paging.page(query(1, 10), 20, () -> s.selectList("capped.list", all));
            assertThat(first.total()).isEqualTo(20);
            assertThat(first.totalCapped()).isTrue();
            assertThat(first.records()).containsExactly(25L, 24L, 23L, 22L, 21L, 20L, 19L, 18L, 17L, 16L);

            PageResult<Long> exact = Paging.page(query(1, 10), 20, () -> s.selectList("capped.list", Map.of("maxK", 6)));
            assertThat(exact.total()).isEqualTo(5);
            assertThat(exact.totalCapped()).isFalse();
            assertThat(exact.records()).containsExactly(5L, 4L, 3L, 2L, 1L);

            // exactly at the cap is still exact
            PageResult<Long> atCap = Paging.page(query(1, 10), 20, () -> s.selectList("capped.list", Map.of("maxK", 21)));
            assertThat(atCap.total()).isEqualTo(20);
            assertThat(atCap.totalCapped()).isFalse();

            PageResult<Long> past = Paging.page(query(3, 10), 20, () -> s.selectList("capped.list", all));
            assertThat(past.records()).isEmpty();
            assertThat(past.totalCapped()).isTrue();

            PageResult<Long> uncapped = Paging.page(query(3, 10), () -> s.selectList("capped.list", all));
            assertThat(uncapped.total()).isEqualTo(25);
            assertThat(uncapped.records()).containsExactly(5L, 4L, 3L, 2L, 1L);
        }
    }
}
