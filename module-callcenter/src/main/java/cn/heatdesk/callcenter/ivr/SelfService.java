package cn.heatdesk.callcenter.ivr;

import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketRow;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * 自助查询: the caller hears their latest work order (by the calling number, group-wide: the number identifies the
 * caller, and a group hotline serves every subsidiary) through
 * the service desk's published {@link TicketApi}. Without a {@link TtsEngine}: {@code custom/ticket-latest}, the
 * ticket number's digits (SAY DIGITS), {@code custom/ticket-status-<status>}; no ticket: {@code custom/ticket-none}.
 */
@Component
public class SelfService {

    private static final Logger log = LoggerFactory.getLogger(SelfService.class);
    static final String LATEST = "custom/ticket-latest";
    static final String NONE = "custom/ticket-none";
    static final String STATUS_PREFIX = "custom/ticket-status-";

    private final TicketApi tickets;
    private final ObjectProvider<TtsEngine> tts;

    public SelfService(TicketApi tickets, ObjectProvider<TtsEngine> tts) {
        this.tickets = tickets;
        this.tts = tts;
    }

    /** the caller's newest ticket, if any; {@code subsidiaryId} narrows it to one subsidiary (null = all) */
    public Optional<TicketRow> latest(String caller, Long subsidiaryId) {
        if (caller == null || caller.isBlank()) {
            return Optional.empty();
        }
        TicketFilter f = new TicketFilter(null, null, null, null, null, null, null, null, null, subsidiaryId, null,
                null, null, caller, null, null, null, null, null, null);
        PageQuery q = new PageQuery();
        q.setSize(1);
        return tickets.search(f, q).records().stream().findFirst();
    }

    public void announce(AgiChannel channel, String caller) throws AgiException {
        Optional<TicketRow> t;
        try {
            t = latest(caller, null);
        } catch (RuntimeException e) {
            // the caller hears "no ticket" rather than silence; the menu goes on
            log.error("self-service lookup for {} failed", caller, e);
            t = Optional.empty();
        }
        if (t.isEmpty()) {
            channel.streamFile(NONE);
            return;
        }
        TicketRow row = t.get();
        TtsEngine engine = tts.getIfAvailable();
        if (engine != null) {
            Optional<String> file = engine.synthesize("您最近的工单 " + row.ticketNo() + "，当前状态：" + row.statusLabel());
            if (file.isPresent()) {
                channel.streamFile(file.get());
                return;
            }
        }
        channel.streamFile(LATEST);
        String digits = row.ticketNo() == null ? "" : row.ticketNo().replaceAll("\\D", "");
        if (!digits.isEmpty()) {
            channel.sayDigits(digits);
        }
        channel.streamFile(STATUS_PREFIX + row.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
