package cn.heatdesk.settings.changelog;

import cn.heatdesk.settings.api.SettingChangeKind;
import cn.heatdesk.settings.changelog.RollbackPlanner.Decision;
import cn.heatdesk.settings.changelog.RollbackPlanner.Entry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackPlannerTest {

    private static Entry change(long id, SettingChangeKind kind) {
        return new Entry(id, kind, false, null);
    }

    private static Entry rolledBack(long id, SettingChangeKind kind) {
        return new Entry(id, kind, true, null);
    }

    private static Entry rollbackOf(long id, long of, boolean itselfRolledBack) {
        return new Entry(id, SettingChangeKind.ROLLBACK, itselfRolledBack, of);
    }

    @Test
    void latestChangeMayBeRolledBack() {
        assertThat(RollbackPlanner.check(change(10, SettingChangeKind.UPDATE), List.of()).allowed()).isTrue();
    }

    @Test
    void alreadyRolledBackIsRefused() {
        Decision d = RollbackPlanner.check(rolledBack(10, SettingChangeKind.UPDATE), List.of(rollbackOf(11, 10, false)));
        assertThat(d.allowed()).isFalse();
        assertThat(d.refusal()).contains("已回滚");
    }

    @Test
    void newerChangeBlocksAndIsNamed() {
        Decision d = RollbackPlanner.check(change(10, SettingChangeKind.UPDATE),
                List.of(change(11, SettingChangeKind.UPDATE), change(12, SettingChangeKind.DISABLE)));
        assertThat(d.allowed()).isFalse();
        assertThat(d.refusal()).contains("请先回滚较新的变更").contains("12");
        assertThat(d.blockingEntryId()).isEqualTo(12L);
    }

    @Test
    void newerChangeThatWasRolledBackNetsOut() {
        // A=10, B=11, rollback of B = 12: the entity is as A left it
        Decision d = RollbackPlanner.check(change(10, SettingChangeKind.UPDATE),
                List.of(rolledBack(11, SettingChangeKind.UPDATE), rollbackOf(12, 11, false)));
        assertThat(d.allowed()).isTrue();
    }

    @Test
    void undoingTheUndoBringsTheNewerChangeBack() {
        // A=10, B=11, rollback of B = 12, rollback of that rollback = 13: B is in effect again
        Decision d = RollbackPlanner.check(change(10, SettingChangeKind.UPDATE),
                List.of(rolledBack(11, SettingChangeKind.UPDATE), rollbackOf(12, 11, true), rollbackOf(13, 12, false)));
        assertThat(d.allowed()).isFalse();
        assertThat(d.blockingEntryId()).isEqualTo(11L);
    }

    @Test
    void olderEntriesInTheListAreIgnored() {
        Decision d = RollbackPlanner.check(change(10, SettingChangeKind.UPDATE), List.of(change(9, SettingChangeKind.CREATE)));
        assertThat(d.allowed()).isTrue();
    }

    @Test
    void rollbackEntryItselfCanBeRolledBackWhenLatest() {
        Decision d = RollbackPlanner.check(rollbackOf(12, 11, false), List.of());
        assertThat(d.allowed()).isTrue();
    }
}
