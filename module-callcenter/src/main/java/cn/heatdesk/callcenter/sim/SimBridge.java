package cn.heatdesk.callcenter.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A basic two-party bridge as created by Queue/Dial. */
final class SimBridge {
    final String id = UUID.randomUUID().toString();
    final List<SimChannel> members = new ArrayList<>();
    String technology = "simple_bridge";

    void appendTo(AmiMessage m) {
        m.add("BridgeUniqueid", id)
                .add("BridgeType", "basic")
                .add("BridgeTechnology", technology)
                .add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", members.size())
                .add("BridgeVideoSourceMode", "none");
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
