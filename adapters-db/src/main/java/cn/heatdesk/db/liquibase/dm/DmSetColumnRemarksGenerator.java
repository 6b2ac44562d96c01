package cn.heatdesk.db.liquibase.dm;

import cn.heatdesk.db.liquibase.DmDatabase;
import liquibase.database.Database;
import liquibase.sqlgenerator.core.SetColumnRemarksGenerator;
import liquibase.statement.core.SetColumnRemarksStatement;

/** Liquibase only emits COMMENT ON COLUMN for databases it knows; DM supports the same statement. */
public class DmSetColumnRemarksGenerator extends SetColumnRemarksGenerator {

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(SetColumnRemarksStatement statement, Database database) {
        return database instanceof DmDatabase;
    }
}
