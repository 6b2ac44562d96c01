package cn.heatdesk.db.liquibase.type;

import liquibase.database.Database;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.datatype.core.BlobType;

/**
 * The portable {@code BLOB} column type.
 *
 * <p>Liquibase maps BLOB to {@code OID} on PostgreSQL (a large-object reference that needs lo_* calls and is not
 * readable through plain {@code byte[]} JDBC binding) and to MySQL {@code BLOB}, which holds at most 64 KB. HeatDesk's
 * BLOB means "binary value read and written as byte[]", so PostgreSQL and KingbaseES get {@code BYTEA} and
 * MySQL, MariaDB and OceanBase get {@code LONGBLOB}. Other databases keep Liquibase's mapping (BLOB).</p>
 */
@DataTypeInfo(name = "blob", aliases = {"java.sql.Types.BLOB"}, minParameters = 0, maxParameters = 1,
        priority = LiquibaseDataType.PRIORITY_DATABASE)
public class PortableBlobType extends BlobType {

    @Override
    public boolean supports(Database database) {
        return database instanceof PostgresDatabase || database instanceof MySQLDatabase;
    }

    @Override
    public DatabaseDataType toDatabaseDataType(Database database) {
        if (database instanceof PostgresDatabase) {
            return new DatabaseDataType("BYTEA");
        }
        if (database instanceof MySQLDatabase) {
            return new DatabaseDataType("LONGBLOB");
        }
        return super.toDatabaseDataType(database);
    }
}
