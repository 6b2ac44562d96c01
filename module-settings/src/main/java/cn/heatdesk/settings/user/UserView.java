package cn.heatdesk.settings.user;

import cn.heatdesk.kernel.crypto.MaskType;
import cn.heatdesk.kernel.crypto.Masked;

import java.time.LocalDateTime;
import java.util.List;

/** A user as shown in the console: no hashes, phone masked unless the viewer may unmask. */
public record UserView(Long id, String username, String realName, String jobNumber, Long orgId, String orgName,
                       Long subsidiaryId, @Masked(MaskType.PHONE) String phone, String email, boolean enabled,
                       boolean locked, LocalDateTime lockedUntil, boolean mustChangePassword,
                       LocalDateTime passwordChangedAt, LocalDateTime lastLoginAt, String lastLoginIp,
                       Integer rowVersion, LocalDateTime createdAt, List<RoleRef> roles) {

    public record RoleRef(Long id, String roleCode, String roleName) {
    }
}
