package cn.heatdesk.baseinfo.api;

import java.util.List;
import java.util.Optional;

/** Household lookups for other modules; reads are not limited by the caller's data scope. */
public interface HouseholdApi {

    Optional<HouseholdSummary> find(long householdId);

    Optional<HouseholdSummary> findByCode(long subsidiaryId, String householdCode);

    /** households whose customer has this phone number bound (any format: +86, dashes, spaces) */
    List<HouseholdSummary> findByPhone(String phone);

    /** the 360 view (screen pop) of one household */
    HouseholdPanel panel(long householdId);

    /** the caller panel: every household bound to the number, the first one's full panel, blacklist status */
    CallerPanel panelForCaller(String phone);
}
