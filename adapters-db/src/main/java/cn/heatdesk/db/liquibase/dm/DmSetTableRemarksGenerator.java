package cn.heatdesk.db.liquibase.dm;

import cn.heatdesk.db.liquibase.DmDatabase;
import liquibase.database.Database;
import liquibase.sqlgenerator.core.SetTableRemarksGenerator;
import liquibase.statement.core.SetTableRemarksStatement;

/** Liquibase only emits COMMENT ON TABLE for databases it knows; DM supports the same statement. */
public class DmSetTableRemarksGenerator extends SetTableRemarksGenerator {

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(SetTableRemarksStatement statement, Database database) {
        return database instanceof DmDatabase;
    }
}
