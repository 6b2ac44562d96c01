package cn.heatdesk.baseinfo.api;

import java.util.Optional;

/** Which repair station serves a household or tree node (the deepest coverage mapping on its path). */
public interface CoverageApi {

    Optional<Long> stationForHousehold(long householdId);

    Optional<Long> stationForNode(long nodeId);
}
