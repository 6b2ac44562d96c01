package cn.heatdesk.settings.permission;

/**
 * One entry of a module's {@code heatdesk/permissions/<module>.json}.
 *
 * @param kind   MENU or BUTTON
 * @param parent parent code, null for a top-level menu
 * @param path   front-end route of a menu
 */
public record PermissionDeclaration(String code, String name, String kind, String parent, String path, String icon,
                                    Integer sort) {
}
