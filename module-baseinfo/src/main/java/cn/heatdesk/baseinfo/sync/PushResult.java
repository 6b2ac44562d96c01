package cn.heatdesk.baseinfo.sync;

/**
 * Answer for one pushed record, in request order.
 *
 * @param index   position in the pushed array (0-based)
 * @param key     the record's key (household code, payment id, reading id)
 * @param outcome CREATED / UPDATED / UNCHANGED / STALE / REJECTED / DUPLICATE
 * @param field   the field at fault when rejected
 * @param reason  Chinese reason when rejected, stale or duplicate
 */
public record PushResult(int index, String key, SyncOutcome outcome, String field, String reason) {

    static PushResult of(RecordApplier.Applied a) {
        return new PushResult(a.index(), a.key(), a.outcome(), a.field(), a.reason());
    }
}
