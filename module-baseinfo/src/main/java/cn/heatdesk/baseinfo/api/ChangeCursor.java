package cn.heatdesk.baseinfo.api;

import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * Position in another system's change feed: the update time of the last record read and that record's key, so
 * records sharing one update time are never skipped. Both null means "from the beginning".
 *
 * @param updatedAt update time of the last record read (the other system's local time, no offset)
 * @param lastKey   key of the last record read; opaque to HeatDesk, handed back as given
 */
public record ChangeCursor(LocalDateTime updatedAt, String lastKey) implements Comparable<ChangeCursor> {

    public static final ChangeCursor START = new ChangeCursor(null, null);

    private static final Comparator<ChangeCursor> ORDER = Comparator
            .comparing(ChangeCursor::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ChangeCursor::lastKey, Comparator.nullsFirst(Comparator.naturalOrder()));

    public boolean isStart() {
        return updatedAt == null && lastKey == null;
    }

    /** feed order: by update time, then key; the start sorts first */
    @Override
    public int compareTo(ChangeCursor o) {
        return ORDER.compare(this, o);
    }
}
