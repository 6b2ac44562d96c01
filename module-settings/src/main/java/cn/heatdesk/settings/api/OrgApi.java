package cn.heatdesk.settings.api;

import java.util.List;
import java.util.Optional;

/** Org tree lookups for other modules (not limited by the caller's data scope). */
public interface OrgApi {

    Optional<OrgInfo> find(long orgId);

    /** the node and everything below it */
    List<OrgInfo> subtree(long orgId);
}
