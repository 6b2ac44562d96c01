package cn.heatdesk.settings.api;

/** What other modules need to know about an org node. */
public record OrgInfo(Long id, Long parentId, String orgType, String orgCode, String orgName, String orgPath,
                      Long subsidiaryId, boolean enabled) {
}
