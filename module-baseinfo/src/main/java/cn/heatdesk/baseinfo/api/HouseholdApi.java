package cn.heatdesk.baseinfo.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Household lookups for other modules; reads are not limited by the caller's data scope. */
public interface HouseholdApi {

    Optional<HouseholdSummary> find(long householdId);

    Optional<HouseholdSummary> findByCode(long subsidiaryId, String householdCode);

    /** households whose customer has this phone number bound (any format: +86, dashes, spaces) */
    List<HouseholdSummary> findByPhone(String phone);

    /** heat-network node names by id (unknown ids are left out); for labelling paths without loading panels */
    Map<Long, String> nodeNames(Collection<Long> nodeIds);

    /** the 360 view (screen pop) of one household */
    HouseholdPanel panel(long householdId);

    /** the caller panel: every household bound to the number, the first one's full panel, blacklist status */
    CallerPanel panelForCaller(String phone);
}
