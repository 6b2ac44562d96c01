package cn.heatdesk.baseinfo.imports;

/**
 * One column of an import/export layout.
 *
 * @param title    the Chinese header title, exactly as in the template
 * @param key      the field name used by the writers (HouseholdRecord component, NodeWriter field …)
 * @param required the row fails when the cell is blank, and the upload fails when the column is missing
 * @param sample   value of the template's sample row
 * @param note     explanation on the template's 说明 sheet
 */
public record ImportColumn(String title, String key, boolean required, String sample, String note) {

    static ImportColumn req(String title, String key, String sample, String note) {
        return new ImportColumn(title, key, true, sample, note);
    }

    static ImportColumn opt(String title, String key, String sample, String note) {
        return new ImportColumn(title, key, false, sample, note);
    }
}
