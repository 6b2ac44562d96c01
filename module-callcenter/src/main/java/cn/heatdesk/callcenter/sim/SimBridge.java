package cn.heatdesk.callcenter.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A basic two-party bridge as created by Queue/Dial. */
final class SimBridge {
    final String id = UUID.randomUUID().toString();
    final List<SimChannel> members = new ArrayList<>();
    String technology = "simple_bridge";

    /** an attended transfer holds this bridge's party: it does not dissolve when the transferer leaves */
    CtiFlows.Consult heldBy;

    void appendTo(AmiMessage m) {
        appendTo(m, "Bridge");
    }

    /** a bridge snapshot with a prefix: "Bridge" → BridgeUniqueid …, "OrigBridge" → OrigBridgeUniqueid … */
    void appendTo(AmiMessage m, String prefix) {
        m.add(prefix + "Uniqueid", id)
                .add(prefix + "Type", "basic")
                .add(prefix + "Technology", technology)
                .add(prefix + "Creator", "<unknown>")
                .add(prefix + "Name", "<unknown>")
                .add(prefix + "NumChannels", members.size())
                .add(prefix + "VideoSourceMode", "none");
    }

    SimChannel peerOf(SimChannel c) {
        for (SimChannel m : members) {
            if (m != c) {
                return m;
            }
        }
        return null;
    }
}
