package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.security.CurrentUser;

import java.util.List;

/**
 * Who may receive the live call figures (topic {@code callstats}): signed-in users holding one of
 * {@link CallStatsService#PERMISSIONS}, each with the data scope the figures are computed in.
 */
public interface StatsAudience {

    List<CurrentUser> recipients();
}
