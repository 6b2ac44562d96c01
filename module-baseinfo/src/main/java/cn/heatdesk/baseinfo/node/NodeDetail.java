package cn.heatdesk.baseinfo.node;

import cn.heatdesk.baseinfo.api.HouseholdPanel;

import java.util.List;

/**
 * A node with its path from the company down and the counts of the households below it. {@code openTickets} is
 * null (and {@code ticketsAvailable} false) while no module provides tickets.
 *
 * @param coverage the station mapped on this very node (not inherited), or null
 */
public record NodeDetail(NodeView node, List<HouseholdPanel.PathNode> ancestors, long households,
                         long suspendedHouseholds, long stoppedHouseholds, long arrearsHouseholds, Long openTickets,
                         boolean ticketsAvailable, CoverageView coverage) {
}
