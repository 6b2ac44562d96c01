package cn.heatdesk.baseinfo.api;

import java.util.List;

/**
 * Screen pop for a caller: all households bound to the number (an owner may have several), the full panel of
 * the first (the agent can switch), and whether the number itself is blacklisted.
 */
public record CallerPanel(String phone, List<HouseholdSummary> households, HouseholdPanel panel,
                          List<BlacklistHit> blacklist) {
}
