package cn.heatdesk.repair.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodeListTest {

    @Test
    void storedWithSurroundingCommasSoContainsIsExact() {
        String stored = CodeList.join(List.of("PIPE", "VALVE", "PIPE"));
        assertThat(stored).isEqualTo(",PIPE,VALVE,");
        assertThat(CodeList.split(stored)).containsExactly("PIPE", "VALVE");
        assertThat(CodeList.containsPattern("PIPE")).isEqualTo("%,PIPE,%");
        // a code that is a prefix of another must not match it
        assertThat(",PIPE_X,".contains(",PIPE,")).isFalse();
        assertThat(CodeList.join(List.of())).isNull();
        assertThat(CodeList.split(null)).isEmpty();
        assertThat(CodeList.split(" , ,A,")).containsExactly("A");
    }
}
