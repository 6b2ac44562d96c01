package cn.heatdesk.baseinfo.sync;

/** What happened to one incoming record. Everything but REJECTED means the record needs no further work. */
public enum SyncOutcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** older than what HeatDesk already has (or superseded within the same batch): ignored */
    STALE,
    /** could not be applied; kept as a sync failure and retried */
    REJECTED,
    /** a payment or reading HeatDesk already has */
    DUPLICATE
}
