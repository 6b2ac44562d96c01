package cn.heatdesk.repair.mobile;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;

import java.util.List;

/**
 * Who may use the field app, and the identity a field user acts with on a ticket.
 *
 * <p>A worker's own data scope is SELF (rows they created), which matches no work order: tickets are created by
 * agents. The ticket core only knows org scopes, so after the sync service has checked that the ticket is assigned
 * to this worker (the rule that really decides), the core is called with the worker's identity narrowed to exactly
 * the ticket's org path. The timeline still names the worker as the operator.
 */
public final class FieldUsers {

    public static final String WORKER_ROLE = "WORKER";
    /** station leads use the app too (approvals); they hold the station's assign permission */
    public static final String LEAD_PERMISSION = "repair:assign";

    private FieldUsers() {
    }

    public static boolean mayUseApp(CurrentUser u) {
        return u.roles().contains(WORKER_ROLE) || u.hasPermission(LEAD_PERMISSION);
    }

    /** the user with a data scope of exactly one org path (the ticket's), for calls into the ticket core */
    public static CurrentUser onTicket(CurrentUser u, String ticketOrgPath) {
        return new CurrentUser(u.userId(), u.username(), u.realName(), u.subsidiaryId(), u.orgId(), u.orgPath(),
                DataScope.CUSTOM, List.of(ticketOrgPath), u.permissions(), u.roles());
    }
}
