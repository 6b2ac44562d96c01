package cn.heatdesk.settings.api;

/** A user as other modules see it (no credentials, phone only through {@link UserApi#phone(long)}). */
public record UserInfo(Long id, String username, String realName, String jobNumber, Long orgId, String orgName,
                       String orgPath, Long subsidiaryId, boolean enabled) {
}
