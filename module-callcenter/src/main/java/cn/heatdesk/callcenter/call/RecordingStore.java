package cn.heatdesk.callcenter.call;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where HeatDesk can read a recording that Asterisk wrote on a gateway (MIXMONITOR_FILENAME): the gateway's
 * monitor directory is shared to / mirrored on the HeatDesk host. Empty when the file is not (or no longer) there.
 */
public interface RecordingStore {

    Optional<Path> resolve(long gatewayId, String asteriskPath);
}
