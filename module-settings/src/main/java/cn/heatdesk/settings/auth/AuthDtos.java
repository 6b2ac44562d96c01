package cn.heatdesk.settings.auth;

import jakarta.validation.constraints.NotBlank;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** Request and response bodies of /api/auth. Passwords travel SM2-encrypted (C1C3C2, hex). */
public final class AuthDtos {

    private AuthDtos() {
    }

    public record PublicKey(String publicKey, String cipherMode) {
    }

    public record Login(@NotBlank(message = "用户名不能为空") String username,
                        @NotBlank(message = "密码不能为空") String password) {
    }

    public record LoginResult(String token, String tokenName, String tokenPrefix, Profile profile,
                              Integer passwordExpiresInDays) {
    }

    public record InitialPassword(@NotBlank(message = "改密凭证不能为空") String changeTicket,
                                  @NotBlank(message = "新密码不能为空") String newPassword) {
    }

    public record ChangePassword(@NotBlank(message = "原密码不能为空") String oldPassword,
                                 @NotBlank(message = "新密码不能为空") String newPassword) {
    }

    /** Sent with PASSWORD_CHANGE_REQUIRED / PASSWORD_EXPIRED: lets the user set a new password without a session. */
    public record ChangeTicket(String changeTicket, String username, int expiresInSeconds) {
    }

    public record LockInfo(LocalDateTime lockedUntil, int lockMinutes) {
    }

    public record Profile(Long userId, String username, String realName, String jobNumber, Long orgId, String orgName,
                          Long subsidiaryId, String dataScope, Set<String> roles, Set<String> permissions,
                          List<?> menus, LocalDateTime lastLoginAt, String lastLoginIp, int idleMinutes) {
    }
}
