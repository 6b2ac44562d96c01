package cn.heatdesk.callcenter.cti;

import cn.heatdesk.callcenter.gateway.PhoneService;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ResponseEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's channels at one moment (CoreShowChannels). Call control reads it fresh for every action instead of
 * keeping its own copy, so it is right after reconnects, restarts and changes made on the phones themselves.
 */
public record ChannelSnapshot(List<Chan> channels) {

    /** one channel as CoreShowChannel reports it; state 5 = Ringing, 6 = Up */
    public record Chan(String name, String uniqueid, String linkedid, int state, String bridgeId, String application,
                       String context) {

        public String endpoint() {
            return PhoneService.endpointOf(name);
        }

        public boolean bridged() {
            return bridgeId != null && !bridgeId.isBlank();
        }

        public boolean up() {
            return state == 6;
        }

        boolean ringing() {
            return state == 5;
        }

        boolean local() {
            return name.startsWith("Local/");
        }
    }

    public static ChannelSnapshot of(List<ResponseEvent> events) {
        List<Chan> out = new ArrayList<>();
        for (ResponseEvent e : events) {
            if (e instanceof CoreShowChannelEvent c && c.getChannel() != null) {
                out.add(new Chan(c.getChannel(), c.getUniqueid(), c.getLinkedid(),
                        c.getChannelState() == null ? -1 : c.getChannelState(), c.getBridgeid(), c.getApplication(),
                        c.getContext()));
            }
        }
        return new ChannelSnapshot(out);
    }

    /** the channels of a PJSIP endpoint (a phone) */
    public List<Chan> ofEndpoint(String endpoint) {
        return channels.stream().filter(c -> endpoint.equals(c.endpoint())).toList();
    }

    /** my active leg: an Up channel of my phone (bridged first, then held, then any) */
    public Optional<Chan> myCall(String endpoint) {
        List<Chan> mine = ofEndpoint(endpoint).stream().filter(Chan::up).toList();
        return mine.stream().filter(Chan::bridged).findFirst()
                .or(() -> mine.stream().filter(ChannelSnapshot::held).findFirst())
                .or(() -> mine.stream().findFirst());
    }

    /** the other channel in the bridge of {@code c} */
    public Optional<Chan> peerOf(Chan c) {
        if (!c.bridged()) {
            return Optional.empty();
        }
        return channels.stream().filter(x -> !x.name().equals(c.name()) && c.bridgeId().equals(x.bridgeId())).findFirst();
    }

    /**
     * the customer held for my leg: same call, in cti-hold and not bridged (after a resume the context stays
     * cti-hold, as Asterisk keeps a channel's last dialplan location)
     */
    public Optional<Chan> heldFor(Chan mine) {
        return channels.stream().filter(x -> !x.name().equals(mine.name()) && mine.linkedid() != null
                && mine.linkedid().equals(x.linkedid()) && CtiDialplan.HOLD.equals(x.context()) && !x.bridged())
                .findFirst();
    }

    /** my leg waits in cti-hold-agent while the customer is held */
    public static boolean held(Chan mine) {
        return !mine.bridged() && CtiDialplan.HOLD_AGENT.equals(mine.context());
    }

    /** the channel that dialled a ringing leg: same call, Up, running Queue or Dial */
    public Optional<Chan> dialerOf(Chan ringing) {
        return channels.stream().filter(x -> !x.name().equals(ringing.name()) && ringing.linkedid() != null
                && ringing.linkedid().equals(x.linkedid()) && x.up() && x.application() != null
                && (x.application().equalsIgnoreCase("Queue") || x.application().equalsIgnoreCase("Dial"))).findFirst();
    }
}
