package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.notice.api.LivePush;
import cn.heatdesk.servicedesk.api.TicketChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Pushes every committed ticket change to open consoles (topic "ticket"); screens re-read what they show. */
@Component
public class TicketLiveRelay {

    private static final Logger log = LoggerFactory.getLogger(TicketLiveRelay.class);

    private final ObjectProvider<LivePush> live;

    public TicketLiveRelay(ObjectProvider<LivePush> live) {
        this.live = live;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onChange(TicketChanged e) {
        LivePush push = live.getIfAvailable();
        if (push == null) {
            return;
        }
        try {
            push.broadcast("ticket", e);
        } catch (RuntimeException ex) {
            // live push is best effort; the change itself is committed and screens reload on reconnect
            log.warn("live push of ticket {} failed: {}", e.ticketNo(), ex.toString());
        }
    }
}
