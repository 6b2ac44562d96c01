package cn.heatdesk.baseinfo.household;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikePatternsTest {

    @Test
    void prefixEscapesWildcardsAndTheEscapeCharacter() {
        assertThat(LikePatterns.prefix(" HH01 ")).isEqualTo("HH01%");
        assertThat(LikePatterns.prefix("A_1")).isEqualTo("A!_1%");
        assertThat(LikePatterns.prefix("50%")).isEqualTo("50!%%");
        assertThat(LikePatterns.prefix("a!b")).isEqualTo("a!!b%");
        assertThat(LikePatterns.prefix("/1/22/")).isEqualTo("/1/22/%");
    }

    @Test
    void containsWrapsBothSides() {
        assertThat(LikePatterns.contains("2单元")).isEqualTo("%2单元%");
        assertThat(LikePatterns.contains("_")).isEqualTo("%!_%");
    }

    @Test
    void blankIsNoCondition() {
        assertThat(LikePatterns.prefix(null)).isNull();
        assertThat(LikePatterns.prefix("   ")).isNull();
        assertThat(LikePatterns.contains("")).isNull();
    }
}
