package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.baseinfo.household.HouseholdRecord;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.household.UpsertOutcome;
import cn.heatdesk.kernel.error.BizException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 房屋信息 rows: cells become {@link HouseholdRecord}s (numbers parsed here, so a bad area names its column), the
 * whole batch goes through {@link HouseholdWriter#upsert} with origin IMPORT, and rejected records come back with
 * the writer's reason under the column title the user sees. Values masked by an export (138****1234) mean "keep
 * the stored value", so a masked export can be imported again without damage.
 */
@Component
class HouseholdRowImporter implements RowImporter {

    private static final ImportKind K = ImportKind.HOUSEHOLD;
    private static final int CODE = K.indexOf("householdCode");
    private static final int UNIT = K.indexOf("unitCode");
    private static final int FLOOR = K.indexOf("floorNo");
    private static final int ROOM = K.indexOf("roomNo");
    private static final int AREA = K.indexOf("area");
    private static final int STATUS = K.indexOf("heatingStatus");
    private static final int ARREARS = K.indexOf("arrears");
    private static final int CUSTOMER = K.indexOf("customerCode");
    private static final int OWNER = K.indexOf("ownerName");
    private static final int ID_NUMBER = K.indexOf("ownerIdNumber");
    private static final int PHONES = K.indexOf("phones");
    private static final int METER = K.indexOf("meterNo");
    private static final int VALVE = K.indexOf("valveNo");
    private static final int TAGS = K.indexOf("tags");
    private static final int REMARK = K.indexOf("remark");

    private final HouseholdWriter writer;

    HouseholdRowImporter(HouseholdWriter writer) {
        this.writer = writer;
    }

    @Override
    public ImportKind kind() {
        return K;
    }

    @Override
    public List<RowFailure> importRows(ImportContext ctx, List<SourceRow> rows) {
        List<RowFailure> failures = new ArrayList<>();
        List<HouseholdRecord> records = new ArrayList<>(rows.size());
        List<SourceRow> recordRows = new ArrayList<>(rows.size());
        for (SourceRow r : rows) {
            try {
                records.add(toRecord(r));
                recordRows.add(r);
            } catch (BizException e) {
                failures.add(new RowFailure(r.rowNo(), K.titleOf(e.field()), e.getMessage()));
            }
        }
        if (!records.isEmpty()) {
            List<UpsertOutcome> outcomes = writer.upsert(ctx.subsidiaryId(), records, HouseholdWriter.Origin.IMPORT);
            for (UpsertOutcome o : outcomes) {
                if (!o.ok()) {
                    failures.add(new RowFailure(recordRows.get(o.index()).rowNo(), K.titleOf(o.field()), o.reason()));
                }
            }
        }
        failures.sort((a, b) -> Integer.compare(a.rowNo(), b.rowNo()));
        return failures;
    }

    static HouseholdRecord toRecord(SourceRow r) {
        BigDecimal area = Cells.decimal(r.get(AREA), K.columns().get(AREA));
        BigDecimal arrears = Cells.decimal(r.get(ARREARS), K.columns().get(ARREARS));
        String idNumber = r.get(ID_NUMBER);
        if (Cells.masked(idNumber)) {
            idNumber = null;
        }
        List<String> phones = phones(r.get(PHONES));
        return new HouseholdRecord(r.get(CODE), r.get(UNIT), null, r.get(FLOOR), r.get(ROOM), area, r.get(STATUS),
                arrears, r.get(CUSTOMER), r.get(OWNER), idNumber, phones, r.get(METER), r.get(VALVE), r.get(TAGS),
                r.get(REMARK), null);
    }

    /** the phone cell as one entry for the writer to split and check; masked numbers are left out */
    static List<String> phones(String cell) {
        if (cell == null) {
            return null;
        }
        if (!Cells.masked(cell)) {
            return List.of(cell);
        }
        List<String> kept = new ArrayList<>();
        for (String token : cell.split("[,，;；/、]+")) {
            if (!token.isBlank() && !Cells.masked(token)) {
                kept.add(token.strip());
            }
        }
        return kept.isEmpty() ? null : List.of(String.join(",", kept));
    }
}
