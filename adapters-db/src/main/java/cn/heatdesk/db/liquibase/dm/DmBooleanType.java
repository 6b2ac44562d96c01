package cn.heatdesk.db.liquibase.dm;

import cn.heatdesk.db.liquibase.DmDatabase;
import liquibase.database.Database;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.datatype.core.BooleanType;

/**
 * BOOLEAN on DM is BIT holding 1/0. Business tables use SMALLINT 0/1 (see docs/databases.md); this exists for
 * Liquibase's own DATABASECHANGELOGLOCK.LOCKED column and its UPDATE ... SET LOCKED = 1 statements.
 */
@DataTypeInfo(name = "boolean", aliases = {"java.sql.Types.BOOLEAN", "java.lang.Boolean", "bit", "bool"},
        minParameters = 0, maxParameters = 0, priority = LiquibaseDataType.PRIORITY_DATABASE)
public class DmBooleanType extends BooleanType {

    @Override
    public boolean supports(Database database) {
        return database instanceof DmDatabase;
    }

    @Override
    public DatabaseDataType toDatabaseDataType(Database database) {
        return new DatabaseDataType("BIT");
    }

    @Override
    protected boolean isNumericBoolean(Database database) {
        return true;
    }
}
