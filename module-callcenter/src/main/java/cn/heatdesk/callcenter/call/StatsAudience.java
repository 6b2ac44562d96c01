package cn.heatdesk.callcenter.call;

import cn.heatdesk.callcenter.gateway.CallcenterPermissions;
import cn.heatdesk.kernel.security.CurrentUser;

import java.util.List;
import java.util.Set;

/**
 * Who may receive live call-center pushes: signed-in users with a data scope other than SELF holding a call-center
 * live permission (call records, workbench, agents, phones), each with the data scope the pushes are filtered in.
 * The call figures (topic {@code callstats}) take those with {@link CallStatsService#PERMISSIONS}; agent and phone
 * states (topic {@code agent}) those whose scope covers the agent.
 */
public interface StatsAudience {

    /** the call figures' permissions plus the phone page's (which watches registrations on the agent topic) */
    Set<String> LIVE_PERMISSIONS = java.util.stream.Stream.concat(CallStatsService.PERMISSIONS.stream(),
            java.util.stream.Stream.of(CallcenterPermissions.PHONE)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    List<CurrentUser> recipients();
}
