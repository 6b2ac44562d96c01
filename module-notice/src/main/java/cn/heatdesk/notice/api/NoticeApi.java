package cn.heatdesk.notice.api;

/** Notifications for every module. */
public interface NoticeApi {

    /**
     * Queues the notice inside the caller's transaction: an in-app message per recipient and an outbox row per
     * external channel and recipient, so a rolled-back business change sends nothing and a committed one is
     * delivered (with retries) even if the process dies right after the commit.
     */
    void send(Notice notice);
}
