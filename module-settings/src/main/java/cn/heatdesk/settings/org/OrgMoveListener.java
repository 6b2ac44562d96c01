package cn.heatdesk.settings.org;

import cn.heatdesk.settings.api.OrgPlacementChanged;
import cn.heatdesk.settings.auth.SessionRefresher;
import cn.heatdesk.settings.role.RoleMapper;
import cn.heatdesk.settings.user.UserMapper;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the settings module's own org paths (users, roles) right after an org move, in the same transaction. */
@Component
class OrgMoveListener {

    private final UserMapper users;
    private final RoleMapper roles;
    private final SessionRefresher sessions;

    OrgMoveListener(UserMapper users, RoleMapper roles, SessionRefresher sessions) {
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
    }

    @EventListener
    public void onMove(OrgPlacementChanged e) {
        users.movePaths(e.oldPath(), e.newPath(), e.oldSubsidiaryId(), e.newSubsidiaryId());
        roles.movePaths(e.oldPath(), e.newPath(), e.oldSubsidiaryId(), e.newSubsidiaryId());
        // signed-in users of the moved subtree get their new path and scope at once
        sessions.refreshUsers(users.selectIdsByOrgPrefix(e.newPath()));
    }
}
