package cn.heatdesk.callcenter.call;

import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketChanged;
import cn.heatdesk.servicedesk.api.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A work order created from a screen pop carries the call's id ({@code callId}); once it is committed the call
 * record gets the link, so the record lists it without anyone linking by hand.
 */
@Component
class TicketCallLinker {

    private static final Logger log = LoggerFactory.getLogger(TicketCallLinker.class);

    private final TicketApi tickets;
    private final CallQueryService calls;

    TicketCallLinker(TicketApi tickets, CallQueryService calls) {
        this.tickets = tickets;
        this.calls = calls;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onTicket(TicketChanged e) {
        if (e.action() != TicketAction.CREATE || e.ticketId() == null) {
            return;
        }
        try {
            TicketView t = tickets.detail(e.ticketId());
            String callId = t.callId();
            if (callId == null || callId.isBlank() || !callId.trim().chars().allMatch(Character::isDigit)) {
                return;
            }
            calls.linkCreated(Long.parseLong(callId.trim()), e.ticketId(), e.ticketNo(), e.operatorId(),
                    e.operatorName());
        } catch (RuntimeException ex) {
            log.warn("工单 {} 关联通话失败 / linking ticket to its call failed", e.ticketNo(), ex);
        }
    }
}
