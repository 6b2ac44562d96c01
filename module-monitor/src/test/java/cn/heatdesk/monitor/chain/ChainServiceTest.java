package cn.heatdesk.monitor.chain;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainServiceTest {

    static CurrentUser user(Long subsidiaryId, String... roles) {
        return new CurrentUser(7L, "u", "用户", subsidiaryId, 9L, subsidiaryId == null ? "/1/" : "/1/" + subsidiaryId + "/",
                DataScope.ALL, List.of(), Set.of("monitor:approval:config"), Set.of(roles));
    }

    @Test
    void stepsAreCheckedAndDefaultRolesFilledIn() {
        List<ChainStep> steps = ChainService.checkSteps(List.of(
                new ChainRequests.Step("station", null, 60),
                new ChainRequests.Step("SUBSIDIARY", "supervisor", null),
                new ChainRequests.Step("GROUP", " ", 1440)));
        assertThat(steps).extracting(ChainStep::getLevelNo).containsExactly(1, 2, 3);
        assertThat(steps).extracting(ChainStep::getApproverLevel).containsExactly("STATION", "SUBSIDIARY", "GROUP");
        assertThat(steps).extracting(ChainStep::getApproverRole).containsExactly("STATION_LEAD", "SUPERVISOR", "GROUP_ADMIN");
        assertThat(steps).extracting(ChainStep::getTimeoutMinutes).containsExactly(60, null, 1440);
    }

    @Test
    void levelsNeverGoDownAndLimitsHold() {
        assertThatThrownBy(() -> ChainService.checkSteps(List.of(new ChainRequests.Step("GROUP", null, null),
                new ChainRequests.Step("STATION", null, null))))
                .isInstanceOf(BizException.class).hasMessageContaining("逐级向上")
                .extracting(e -> ((BizException) e).field()).isEqualTo("steps");
        assertThatThrownBy(() -> ChainService.checkSteps(List.of(new ChainRequests.Step("REGION", null, null))))
                .hasMessageContaining("维修站、分公司或集团");
        assertThatThrownBy(() -> ChainService.checkSteps(List.of(new ChainRequests.Step("STATION", null, 0))))
                .hasMessageContaining("审批时限");
        assertThatThrownBy(() -> ChainService.checkSteps(List.of(new ChainRequests.Step("STATION", "lead-1", 10))))
                .hasMessageContaining("角色编码");
        assertThatThrownBy(() -> ChainService.checkSteps(List.of()))
                .hasMessageContaining("至少需要一级审批");
        List<ChainRequests.Step> six = java.util.Collections.nCopies(6, new ChainRequests.Step("GROUP", null, null));
        assertThatThrownBy(() -> ChainService.checkSteps(six)).hasMessageContaining("最多 5 级");
        // the same level twice (two roles at the subsidiary) is allowed
        assertThat(ChainService.checkSteps(List.of(new ChainRequests.Step("SUBSIDIARY", "SUPERVISOR", null),
                new ChainRequests.Step("SUBSIDIARY", null, null)))).hasSize(2);
    }

    @Test
    void groupUsersEditEverythingSubsidiaryUsersOnlyTheirOwnOverrides() {
        CurrentUser group = user(null);
        CurrentUser groupAdminNarrowed = user(42L, "GROUP_ADMIN");
        CurrentUser sub = user(42L, "SUBSIDIARY_ADMIN");
        assertThat(ChainService.mayEdit(group, 0)).isTrue();
        assertThat(ChainService.mayEdit(group, 42)).isTrue();
        assertThat(ChainService.mayEdit(groupAdminNarrowed, 0)).isTrue();
        assertThat(ChainService.mayEdit(sub, 0)).isFalse();
        assertThat(ChainService.mayEdit(sub, 42)).isTrue();
        assertThat(ChainService.mayEdit(sub, 43)).isFalse();
        assertThat(ChainService.mayRead(sub, 0)).isTrue();
        assertThat(ChainService.mayRead(sub, 43)).isFalse();
    }
}
