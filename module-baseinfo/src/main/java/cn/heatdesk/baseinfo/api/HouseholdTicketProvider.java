package cn.heatdesk.baseinfo.api;

import java.util.List;

/**
 * Implemented by the module that owns work orders (service desk) so the base data can show tickets without
 * reading another module's tables. Until a bean exists the panel says tickets are unavailable
 * ({@link HouseholdPanel#ticketsAvailable()} false) rather than showing an empty history as if it were real.
 */
public interface HouseholdTicketProvider {

    List<TicketBrief> recentForHousehold(long householdId, int limit);

    /** open tickets of other households in the same unit (same-unit business: a riser fault shows here) */
    List<TicketBrief> openInUnit(long unitId, long excludeHouseholdId, int limit);

    /** open tickets of all households under a tree node (node detail counts) */
    long countOpenUnder(String nodePathPrefix);
}
