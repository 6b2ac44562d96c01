package cn.heatdesk.monitor.approval;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may decide, withdraw and urge. */
class ApprovalAuthorityTest {

    static CurrentUser user(long id, String orgPath, Set<String> perms, String... roles) {
        return new CurrentUser(id, "u" + id, "用户" + id, 12L, 57L, orgPath, DataScope.ORG_AND_CHILDREN, List.of(),
                perms, Set.of(roles));
    }

    static Approval approval(String status, int level, long applicant) {
        Approval a = new Approval();
        a.setId(1L);
        a.setStatus(status);
        a.setCurrentLevel(level);
        a.setTotalLevels(2);
        a.setApplicantId(applicant);
        return a;
    }

    static ApprovalStep step(int level, String role, String orgPath) {
        ApprovalStep s = new ApprovalStep();
        s.setLevelNo(level);
        s.setApproverRole(role);
        s.setApproverOrgPath(orgPath);
        return s;
    }

    final ApprovalStep stationLevel = step(1, "STATION_LEAD", "/1/12/57/");

    @Test
    void theLeadOfTheStationDecidesTheStationLevel() {
        Approval a = approval("PENDING", 1, 500);
        assertThat(ApprovalAuthority.canDecide(user(501, "/1/12/57/", Set.of(), "STATION_LEAD"), a, stationLevel)).isTrue();
        // a team below the station counts as the station
        assertThat(ApprovalAuthority.canDecide(user(501, "/1/12/57/90/", Set.of(), "STATION_LEAD"), a, stationLevel)).isTrue();
    }

    @Test
    void theLeadOfAnotherStationOrAnotherRoleDoesNot() {
        Approval a = approval("PENDING", 1, 500);
        assertThat(ApprovalAuthority.canDecide(user(502, "/1/12/58/", Set.of(), "STATION_LEAD"), a, stationLevel)).isFalse();
        // the path prefix is taken by whole segments: /1/12/5/ is not a prefix match of /1/12/57/ … and vice versa
        assertThat(ApprovalAuthority.canDecide(user(502, "/1/12/5/", Set.of(), "STATION_LEAD"), a, stationLevel)).isFalse();
        assertThat(ApprovalAuthority.canDecide(user(503, "/1/12/57/", Set.of(), "WORKER"), a, stationLevel)).isFalse();
        assertThat(ApprovalAuthority.canDecide(user(600, "/1/12/", Set.of(), "SUBSIDIARY_ADMIN"), a, stationLevel)).isFalse();
    }

    @Test
    void nobodyDecidesTheirOwnRequestButAGroupAdministratorDecidesAnything() {
        Approval own = approval("PENDING", 1, 501);
        assertThat(ApprovalAuthority.canDecide(user(501, "/1/12/57/", Set.of(), "STATION_LEAD"), own, stationLevel)).isFalse();
        assertThat(ApprovalAuthority.canDecide(user(700, "/1/", Set.of("*"), "GROUP_ADMIN"), own, stationLevel)).isTrue();
        Approval byAdmin = approval("PENDING", 1, 700);
        assertThat(ApprovalAuthority.canDecide(user(700, "/1/", Set.of("*"), "GROUP_ADMIN"), byAdmin, stationLevel)).isTrue();
    }

    @Test
    void onlyThePendingCurrentLevelCanBeDecided() {
        CurrentUser lead = user(501, "/1/12/57/", Set.of(), "STATION_LEAD");
        assertThat(ApprovalAuthority.canDecide(lead, approval("APPROVED", 1, 500), stationLevel)).isFalse();
        assertThat(ApprovalAuthority.canDecide(lead, approval("PENDING", 2, 500), stationLevel)).isFalse();
        CurrentUser admin = user(700, "/1/", Set.of("*"), "GROUP_ADMIN");
        assertThat(ApprovalAuthority.canDecide(admin, approval("REJECTED", 1, 500), stationLevel)).isFalse();
    }

    @Test
    void theApplicantWithdrawsAndTheApplicantOrAMonitorUrges() {
        Approval a = approval("PENDING", 1, 500);
        CurrentUser applicant = user(500, "/1/99/", Set.of("monitor:approval"), "AGENT");
        CurrentUser monitor = user(800, "/1/99/", Set.of("monitor:approval", "monitor:approval:all"), "SUPERVISOR");
        CurrentUser lead = user(501, "/1/12/57/", Set.of("monitor:approval"), "STATION_LEAD");
        assertThat(ApprovalAuthority.canWithdraw(applicant, a)).isTrue();
        assertThat(ApprovalAuthority.canWithdraw(monitor, a)).isFalse();
        assertThat(ApprovalAuthority.canUrge(applicant, a)).isTrue();
        assertThat(ApprovalAuthority.canUrge(monitor, a)).isTrue();
        assertThat(ApprovalAuthority.canUrge(lead, a)).isFalse();
        Approval done = approval("APPROVED", 2, 500);
        assertThat(ApprovalAuthority.canWithdraw(applicant, done)).isFalse();
        assertThat(ApprovalAuthority.canUrge(monitor, done)).isFalse();
    }

    @Test
    void numbersAreDayAndSequence() {
        assertThat(ApprovalNumbers.format("20261121", 7)).isEqualTo("SP202611210007");
        assertThat(ApprovalNumbers.format("20261121", 12345)).isEqualTo("SP2026112112345");
    }
}
