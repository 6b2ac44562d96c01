package cn.heatdesk.baseinfo.household;

/**
 * What happened to one record of an upsert batch.
 *
 * @param index  position of the record in the batch
 * @param field  the offending field when rejected (Java property name), else null
 * @param reason Chinese reason when rejected or stale
 */
public record UpsertOutcome(int index, Kind kind, Long householdId, String field, String reason) {

    public enum Kind { CREATED, UPDATED, UNCHANGED, STALE, REJECTED }

    public boolean ok() {
        return kind != Kind.REJECTED;
    }
}
