package cn.heatdesk.settings.user;

import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import cn.heatdesk.settings.org.OrgMapper;
import cn.heatdesk.settings.org.OrgUnit;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Service
public class UserLookup implements UserApi {

    private final UserMapper users;
    private final OrgMapper orgs;
    private final FieldCipher cipher;

    public UserLookup(UserMapper users, OrgMapper orgs, FieldCipher cipher) {
        this.users = users;
        this.orgs = orgs;
        this.cipher = cipher;
    }

    @Override
    public Optional<UserInfo> find(long userId) {
        return Optional.ofNullable(users.selectInfoByIds(List.of(userId))).flatMap(l -> l.stream().findFirst()).map(this::info);
    }

    @Override
    public List<UserInfo> findAll(Collection<Long> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return List.of();
        }
        return users.selectInfoByIds(userIds).stream().map(this::info).toList();
    }

    @Override
    public Optional<UserInfo> findByUsername(String username) {
        SysUser u = username == null ? null : users.selectByUsername(username);
        return u == null ? Optional.empty() : find(u.getId());
    }

    @Override
    public List<UserInfo> usersWithRole(String roleCode, long orgId, boolean includeChildren) {
        OrgUnit org = orgs.selectByIdUnscoped(orgId);
        if (org == null) {
            return List.of();
        }
        return users.selectByRoleInOrg(roleCode, orgId, includeChildren ? org.getOrgPath() : null)
                .stream().map(this::info).toList();
    }

    @Override
    public Optional<String> phone(long userId) {
        SysUser u = users.selectByIdUnscoped(userId);
        if (u == null || u.getPhoneEnc() == null || u.getPhoneEnc().isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(cipher.decrypt(u.getPhoneEnc()));
    }

    private UserInfo info(SysUser u) {
        return new UserInfo(u.getId(), u.getUsername(), u.getRealName(), u.getJobNumber(), u.getOrgId(), u.getOrgName(),
                u.getOrgPath(), u.getSubsidiaryId(), u.getEnabled() != null && u.getEnabled() == 1);
    }
}
