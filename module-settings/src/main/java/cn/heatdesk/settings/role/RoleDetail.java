package cn.heatdesk.settings.role;

import java.util.List;

/** A role with its permissions and custom data-scope orgs. */
public record RoleDetail(SysRole role, List<String> permissions, List<Long> customOrgIds) {
}
