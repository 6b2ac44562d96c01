package cn.heatdesk.baseinfo.api;

import java.util.List;

/**
 * One page of another system's change feed.
 *
 * @param records    readable records in feed order
 * @param nextCursor where the next page starts (the position after the last record of this page)
 * @param hasMore    whether more changes are waiting after {@code nextCursor}
 * @param unreadable entries of the page that could not be read as records (a field in the wrong format); they are
 *                   kept as sync failures with their raw JSON instead of blocking the feed
 */
public record ChangePage<T>(List<T> records, ChangeCursor nextCursor, boolean hasMore, List<Unreadable> unreadable) {

    public ChangePage {
        records = records == null ? List.of() : List.copyOf(records);
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }

    public ChangePage(List<T> records, ChangeCursor nextCursor, boolean hasMore) {
        this(records, nextCursor, hasMore, List.of());
    }

    /** number of feed entries on this page, readable or not */
    public int size() {
        return records.size() + unreadable.size();
    }

    /**
     * A feed entry that is not a valid record.
     *
     * @param key     the record's key when it could be read (household code, payment id …), else null
     * @param payload the entry as received (JSON)
     * @param field   the field at fault, when known
     * @param reason  Chinese reason
     */
    public record Unreadable(String key, String payload, String field, String reason) {
    }
}
