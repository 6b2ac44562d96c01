package cn.heatdesk.db.mybatis;

import cn.heatdesk.db.DatabaseIds;
import org.apache.ibatis.mapping.DatabaseIdProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * MyBatis databaseId for HeatDesk: {@code h2}, {@code postgresql}, {@code mysql} (MySQL, MariaDB, OceanBase MySQL
 * mode), {@code dm}, {@code kingbase}. Unknown products fail fast with the product name, instead of MyBatis silently
 * loading only the databaseId-less statements.
 *
 * <p>Register it as a bean ({@code @Bean DatabaseIdProvider databaseIdProvider()}); mybatis-spring-boot picks it up.</p>
 */
public class HeatDeskDatabaseIdProvider implements DatabaseIdProvider {

    @Override
    public void setProperties(Properties p) {
        // No configuration: the mapping is fixed so that mapper XML stays consistent across deployments.
    }

    @Override
    public String getDatabaseId(DataSource dataSource) throws SQLException {
        if (dataSource == null) {
            throw new NullPointerException("dataSource cannot be null");
        }
        try (Connection c = dataSource.getConnection()) {
            return DatabaseIds.fromMetaData(c.getMetaData());
        }
    }
}
