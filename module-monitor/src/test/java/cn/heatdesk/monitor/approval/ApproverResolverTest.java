package cn.heatdesk.monitor.approval;

import cn.heatdesk.monitor.api.ApprovalTarget;
import cn.heatdesk.monitor.api.ApproverLevel;
import cn.heatdesk.monitor.chain.ChainStep;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Who decides each level: the chain's levels resolved against the ticket's station, subsidiary and the group. */
class ApproverResolverTest {

    static final long ROOT = 1, SUB = 12, STATION = 57, APPLICANT = 500, LEAD = 501, LEAD2 = 502, SUB_ADMIN = 600,
            GROUP_ADMIN = 700;

    OrgApi orgs = mock(OrgApi.class);
    UserApi users = mock(UserApi.class);
    ApproverResolver resolver = new ApproverResolver(orgs, users);

    static OrgInfo org(long id, String path, String name) {
        return new OrgInfo(id, null, "X", "C" + id, name, path, id == ROOT ? null : SUB, true);
    }

    static UserInfo u(long id, String name) {
        return new UserInfo(id, "u" + id, name, null, null, null, null, null, true);
    }

    static ChainStep step(int no, ApproverLevel level, Integer timeout) {
        ChainStep s = new ChainStep();
        s.setLevelNo(no);
        s.setApproverLevel(level.name());
        s.setApproverRole(level.defaultRole());
        s.setTimeoutMinutes(timeout);
        return s;
    }

    static ApprovalTarget ticket(Long station) {
        return new ApprovalTarget("T1", SUB, station == null ? "/1/12/" : "/1/12/57/", station, null);
    }

    @BeforeEach
    void tree() {
        when(orgs.find(anyLong())).thenReturn(Optional.empty());
        when(orgs.root()).thenReturn(Optional.of(org(ROOT, "/1/", "供热集团")));
        when(orgs.find(SUB)).thenReturn(Optional.of(org(SUB, "/1/12/", "城北热力分公司")));
        when(orgs.find(STATION)).thenReturn(Optional.of(org(STATION, "/1/12/57/", "第一维修站")));
        when(users.usersWithRole(anyString(), anyLong(), anyBoolean())).thenReturn(List.of());
        when(users.usersWithRole("STATION_LEAD", STATION, true)).thenReturn(List.of(u(LEAD, "赵站长")));
        when(users.usersWithRole("SUBSIDIARY_ADMIN", SUB, true)).thenReturn(List.of(u(SUB_ADMIN, "分公司管理员")));
        when(users.usersWithRole("GROUP_ADMIN", ROOT, true)).thenReturn(List.of(u(GROUP_ADMIN, "系统管理员")));
    }

    @Test
    void aTwoLevelDelayGoesToTheStationLeadThenTheSubsidiaryAdmin() {
        List<ApproverResolver.Resolved> r = resolver.resolve(
                List.of(step(1, ApproverLevel.STATION, 120), step(2, ApproverLevel.SUBSIDIARY, 240)),
                ticket(STATION), APPLICANT);
        assertThat(r).hasSize(2);
        assertThat(r.get(0).levelNo()).isEqualTo(1);
        assertThat(r.get(0).level()).isEqualTo(ApproverLevel.STATION);
        assertThat(r.get(0).orgId()).isEqualTo(STATION);
        assertThat(r.get(0).orgPath()).isEqualTo("/1/12/57/");
        assertThat(r.get(0).approvers()).extracting(UserInfo::id).containsExactly(LEAD);
        assertThat(r.get(0).timeoutMinutes()).isEqualTo(120);
        assertThat(r.get(1).levelNo()).isEqualTo(2);
        assertThat(r.get(1).level()).isEqualTo(ApproverLevel.SUBSIDIARY);
        assertThat(r.get(1).role()).isEqualTo("SUBSIDIARY_ADMIN");
        assertThat(r.get(1).orgId()).isEqualTo(SUB);
        assertThat(r.get(1).approvers()).extracting(UserInfo::id).containsExactly(SUB_ADMIN);
    }

    @Test
    void withoutAStationTheStationLevelPassesUpAndCollapsesIntoTheSubsidiaryLevel() {
        List<ApproverResolver.Resolved> r = resolver.resolve(
                List.of(step(1, ApproverLevel.STATION, 120), step(2, ApproverLevel.SUBSIDIARY, 240)),
                ticket(null), APPLICANT);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).levelNo()).isEqualTo(1);
        assertThat(r.get(0).chainLevel()).isEqualTo(ApproverLevel.STATION);
        assertThat(r.get(0).level()).isEqualTo(ApproverLevel.SUBSIDIARY);
        assertThat(r.get(0).orgId()).isEqualTo(SUB);
        // the first (escalated) level keeps its own timeout
        assertThat(r.get(0).timeoutMinutes()).isEqualTo(120);
    }

    @Test
    void aLeadAskingCannotApproveTheirOwnRequest() {
        // the applicant is the station's only lead: the station level passes to the subsidiary
        List<ApproverResolver.Resolved> r = resolver.resolve(List.of(step(1, ApproverLevel.STATION, 60)),
                ticket(STATION), LEAD);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.level()).isEqualTo(ApproverLevel.SUBSIDIARY);
            assertThat(x.approvers()).extracting(UserInfo::id).containsExactly(SUB_ADMIN);
        });
        // with a second lead the station level stays, decided by the other lead only
        when(users.usersWithRole("STATION_LEAD", STATION, true)).thenReturn(List.of(u(LEAD, "赵站长"), u(LEAD2, "钱站长")));
        r = resolver.resolve(List.of(step(1, ApproverLevel.STATION, 60)), ticket(STATION), LEAD);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.level()).isEqualTo(ApproverLevel.STATION);
            assertThat(x.approvers()).extracting(UserInfo::id).containsExactly(LEAD2);
        });
    }

    @Test
    void aSubsidiaryWithoutAdminsPassesToTheGroup() {
        when(users.usersWithRole("SUBSIDIARY_ADMIN", SUB, true)).thenReturn(List.of());
        List<ApproverResolver.Resolved> r = resolver.resolve(List.of(step(1, ApproverLevel.SUBSIDIARY, 30),
                step(2, ApproverLevel.GROUP, 60)), ticket(STATION), APPLICANT);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.level()).isEqualTo(ApproverLevel.GROUP);
            assertThat(x.role()).isEqualTo("GROUP_ADMIN");
            assertThat(x.orgId()).isEqualTo(ROOT);
            assertThat(x.orgPath()).isEqualTo("/1/");
            assertThat(x.approvers()).extracting(UserInfo::id).containsExactly(GROUP_ADMIN);
        });
    }

    @Test
    void theGroupLevelIsTheEndOfTheLineEvenForAGroupAdministratorAsking() {
        List<ApproverResolver.Resolved> r = resolver.resolve(List.of(step(1, ApproverLevel.GROUP, null)),
                new ApprovalTarget("X", null, "/", null, null), GROUP_ADMIN);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.level()).isEqualTo(ApproverLevel.GROUP);
            assertThat(x.orgId()).isEqualTo(ROOT);
            assertThat(x.approvers()).extracting(UserInfo::id).containsExactly(GROUP_ADMIN);
            assertThat(x.timeoutMinutes()).isNull();
        });
    }

    @Test
    void differentRolesAtTheSameOrgAreSeparateLevels() {
        ChainStep supervisor = step(1, ApproverLevel.SUBSIDIARY, null);
        supervisor.setApproverRole("SUPERVISOR");
        when(users.usersWithRole("SUPERVISOR", SUB, true)).thenReturn(List.of(u(800, "班长")));
        List<ApproverResolver.Resolved> r = resolver.resolve(List.of(supervisor, step(2, ApproverLevel.SUBSIDIARY, null)),
                ticket(STATION), APPLICANT);
        assertThat(r).extracting(ApproverResolver.Resolved::role).containsExactly("SUPERVISOR", "SUBSIDIARY_ADMIN");
    }

    @Test
    void pathsHelpers() {
        assertThat(ApproverResolver.ancestorPaths("/1/12/57/")).containsExactly("/1/", "/1/12/", "/1/12/57/");
        assertThat(ApproverResolver.ancestorPaths(null)).isEmpty();
    }
}
