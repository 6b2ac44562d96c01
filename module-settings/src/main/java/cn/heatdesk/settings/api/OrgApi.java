package cn.heatdesk.settings.api;

import java.util.List;
import java.util.Optional;

/** Org tree lookups for other modules (not limited by the caller's data scope). */
public interface OrgApi {

    Optional<OrgInfo> find(long orgId);

    /** by org code (codes are unique group-wide), for imports and integrations that name orgs by code */
    Optional<OrgInfo> findByCode(String orgCode);

    /** the group (root of the tree) */
    Optional<OrgInfo> root();

    /** the node and everything below it */
    List<OrgInfo> subtree(long orgId);
}
