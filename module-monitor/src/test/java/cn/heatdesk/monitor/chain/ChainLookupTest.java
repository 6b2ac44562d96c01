package cn.heatdesk.monitor.chain;

import cn.heatdesk.servicedesk.api.TicketAction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ChainLookupTest {

    static ApprovalChain chain(long id, long scope) {
        ApprovalChain c = new ApprovalChain();
        c.setId(id);
        c.setScopeOrgId(scope);
        c.setEnabled(1);
        return c;
    }

    @Test
    void aSubsidiaryOverrideWinsOverTheGroupDefaultWhateverTheOrder() {
        ApprovalChain group = chain(1, 0);
        ApprovalChain own = chain(2, 42);
        assertThat(ChainLookup.pick(List.of(group, own), 42L)).containsSame(own);
        assertThat(ChainLookup.pick(List.of(own, group), 42L)).containsSame(own);
        assertThat(ChainLookup.pick(List.of(group), 42L)).containsSame(group);
        // another subsidiary's override never applies
        assertThat(ChainLookup.pick(List.of(chain(3, 7), group), 42L)).containsSame(group);
        assertThat(ChainLookup.pick(List.of(chain(3, 7)), 42L)).isEmpty();
        assertThat(ChainLookup.pick(List.of(group, own), null)).containsSame(group);
        assertThat(ChainLookup.pick(List.of(), 42L)).isEmpty();
    }

    @Test
    void effectiveLoadsTheStepsOfThePickedChain() {
        ChainMapper mapper = mock(ChainMapper.class);
        ChainStep s = new ChainStep();
        s.setChainId(2L);
        s.setLevelNo(1);
        when(mapper.selectEnabled("TICKET", "DELAY", 42L)).thenReturn(List.of(chain(1, 0), chain(2, 42)));
        when(mapper.selectSteps(List.of(2L))).thenReturn(List.of(s));
        ChainLookup.Effective e = new ChainLookup(mapper).effective("TICKET", "DELAY", 42L).orElseThrow();
        assertThat(e.chain().getId()).isEqualTo(2L);
        assertThat(e.steps()).containsExactly(s);
    }

    @Test
    void theGateAsksForApprovalOnlyWhereAChainIsEnabled() {
        ChainMapper mapper = mock(ChainMapper.class);
        when(mapper.selectEnabled(eq("TICKET"), anyString(), any())).thenReturn(List.of());
        when(mapper.selectEnabled("TICKET", "DELAY", 42L)).thenReturn(List.of(chain(1, 0)));
        ChainLookup gate = new ChainLookup(mapper);
        assertThat(gate.requiresApproval(TicketAction.DELAY, 42L, "/1/42/")).isTrue();
        assertThat(gate.requiresApproval(TicketAction.SECOND_DISPATCH, 42L, "/1/42/")).isFalse();
        // close without visit needs an approval even with no chain at all
        assertThat(gate.requiresApproval(TicketAction.CLOSE_WITHOUT_VISIT, 42L, "/1/42/")).isTrue();
        // actions that are never approvable do not even look
        assertThat(gate.requiresApproval(TicketAction.ASSIGN, 42L, "/1/42/")).isFalse();
        verify(mapper, never()).selectEnabled("TICKET", "ASSIGN", 42L);
    }
}
