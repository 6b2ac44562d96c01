package cn.heatdesk.baseinfo.api;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Room temperature readings taken elsewhere (field app, calls) flow into the base data through this. */
public interface RoomTemperatureApi {

    /**
     * Stores a reading once per (source, sourceRef); a repeated reference is ignored.
     *
     * @return the stored reading's id, or the existing one for a repeat
     */
    long record(long householdId, BigDecimal temperature, LocalDateTime measuredAt, String source, String sourceRef);
}
