package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and orgs as settings would answer: group (1) → subsidiary 城北 (2) → repair stations ST01 (501), ST02 (502);
 * users are added by the tests.
 */
public class FakeDirectory implements UserApi {

    public static final OrgInfo GROUP = new OrgInfo(1L, null, "GROUP", "G", "供热集团", "/1/", null, true);
    public static final OrgInfo SUB = new OrgInfo(2L, 1L, "SUBSIDIARY", "S01", "城北热力分公司", "/1/2/", 2L, true);
    public static final OrgInfo ST01 = new OrgInfo(501L, 2L, "REPAIR_STATION", "ST01", "城北第一维修站", "/1/2/501/", 2L, true);
    public static final OrgInfo ST02 = new OrgInfo(502L, 2L, "REPAIR_STATION", "ST02", "城北第二维修站", "/1/2/502/", 2L, true);
    public static final OrgInfo CENTER = new OrgInfo(9L, 1L, "CENTER", "CC", "集团客服中心", "/1/9/", null, true);

    static final Map<Long, OrgInfo> ORGS = Map.of(1L, GROUP, 2L, SUB, 501L, ST01, 502L, ST02, 9L, CENTER);
    private final Map<Long, UserInfo> users = new ConcurrentHashMap<>();

    public UserInfo addUser(long id, String username, String realName, String jobNumber, OrgInfo org) {
        UserInfo u = new UserInfo(id, username, realName, jobNumber, org.id(), org.orgName(), org.orgPath(),
                org.subsidiaryId(), true);
        users.put(id, u);
        return u;
    }

    @Override
    public Optional<UserInfo> find(long userId) {
        return Optional.ofNullable(users.get(userId));
    }

    @Override
    public List<UserInfo> findAll(Collection<Long> userIds) {
        return userIds.stream().map(users::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Optional<UserInfo> findByUsername(String username) {
        return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public List<UserInfo> usersWithRole(String roleCode, long orgId, boolean includeChildren) {
        return "AGENT".equals(roleCode) ? List.copyOf(users.values()) : List.of();
    }

    @Override
    public Optional<String> phone(long userId) {
        return Optional.empty();
    }

    /** the org tree above */
    public static class Orgs implements OrgApi {

        @Override
        public Optional<OrgInfo> find(long orgId) {
            return Optional.ofNullable(ORGS.get(orgId));
        }

        @Override
        public Optional<OrgInfo> findByCode(String orgCode) {
            return ORGS.values().stream().filter(o -> o.orgCode().equals(orgCode)).findFirst();
        }

        @Override
        public Optional<OrgInfo> root() {
            return Optional.of(GROUP);
        }

        @Override
        public List<OrgInfo> subtree(long orgId) {
            OrgInfo o = ORGS.get(orgId);
            return o == null ? List.of() : ORGS.values().stream().filter(x -> x.orgPath().startsWith(o.orgPath())).toList();
        }
    }
}
