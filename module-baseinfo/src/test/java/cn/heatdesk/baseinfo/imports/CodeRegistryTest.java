package cn.heatdesk.baseinfo.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeRegistryTest {

    @Test
    void remembersTheFirstRowOfEachCode() {
        CodeRegistry r = new CodeRegistry();
        assertThat(r.firstRowOrRegister("HH001", 2)).isZero();
        assertThat(r.firstRowOrRegister("HH002", 3)).isZero();
        assertThat(r.firstRowOrRegister("HH001", 9)).isEqualTo(2);
        assertThat(r.firstRowOrRegister("HH001", 12)).isEqualTo(2);
        assertThat(r.firstRowOrRegister("hh001", 13)).isZero();
        assertThat(r.size()).isEqualTo(3);
    }

    @Test
    void aMillionCodesGrowTheTableWithoutFalseDuplicates() {
        CodeRegistry r = new CodeRegistry(16);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            assertThat(r.firstRowOrRegister("HH" + i, i + 2)).isZero();
        }
        assertThat(r.size()).isEqualTo(n);
        for (int i = 0; i < n; i += 997) {
            assertThat(r.firstRowOrRegister("HH" + i, n + 10)).isEqualTo(i + 2);
        }
    }

    @Test
    void hashIsNeverTheEmptyMarker() {
        assertThat(CodeRegistry.hash("")).isNotZero();
        assertThat(CodeRegistry.hash("A")).isNotEqualTo(CodeRegistry.hash("B"));
    }
}
