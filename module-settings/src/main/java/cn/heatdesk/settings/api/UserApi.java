package cn.heatdesk.settings.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** User lookups for other modules (assignment, notifications, approvals); not limited by data scope. */
public interface UserApi {

    Optional<UserInfo> find(long userId);

    List<UserInfo> findAll(Collection<Long> userIds);

    Optional<UserInfo> findByUsername(String username);

    /**
     * Enabled users holding the role, in the org ({@code includeChildren} false) or anywhere below it.
     *
     * @param roleCode e.g. STATION_LEAD, WORKER, SUBSIDIARY_ADMIN, GROUP_ADMIN
     */
    List<UserInfo> usersWithRole(String roleCode, long orgId, boolean includeChildren);

    /** the decrypted mobile number, for SMS; empty when none is on file */
    Optional<String> phone(long userId);
}
