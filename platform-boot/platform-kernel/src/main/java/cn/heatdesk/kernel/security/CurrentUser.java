package cn.heatdesk.kernel.security;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The signed-in user as the kernel sees it; built by the settings module at login and kept in the
 * Sa-Token session, so per-request checks need no database round trip.
 *
 * @param orgPath         materialised path of the user's org, e.g. {@code /1/12/57/}
 * @param customOrgPaths  org paths for {@link DataScope#CUSTOM}
 */
public record CurrentUser(long userId, String username, String realName, Long subsidiaryId, long orgId,
                          String orgPath, DataScope dataScope, List<String> customOrgPaths,
                          Set<String> permissions, Set<String> roles) implements Serializable {

    public boolean hasPermission(String permission) {
        return permissions.contains(permission) || permissions.contains("*");
    }
}
