package cn.heatdesk.settings.org;

import java.util.ArrayList;
import java.util.List;

/** A node of the org tree as sent to the console. */
public record OrgNode(Long id, Long parentId, String orgType, String orgTypeName, String orgCode, String orgName,
                      Long subsidiaryId, boolean enabled, int sortNo, Integer rowVersion, List<OrgNode> children) {

    static OrgNode of(OrgUnit o, String typeName) {
        return new OrgNode(o.getId(), o.getParentId(), o.getOrgType(), typeName, o.getOrgCode(), o.getOrgName(),
                o.getSubsidiaryId(), o.getEnabled() == 1, o.getSortNo(), o.getRowVersion(), new ArrayList<>());
    }
}
