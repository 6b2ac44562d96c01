package cn.heatdesk.callcenter.ami;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AmiPropertiesTest {

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        AmiProperties p = new AmiProperties(null, null, null, null, Duration.ofMillis(500), Duration.ofSeconds(30), null, null, null);
        assertThat(p.backoffMillis(0, 0.5)).isEqualTo(500);
        assertThat(p.backoffMillis(1, 0.5)).isEqualTo(1000);
        assertThat(p.backoffMillis(3, 0.5)).isEqualTo(4000);
        assertThat(p.backoffMillis(0, 0.0)).isEqualTo(400);
        assertThat(p.backoffMillis(0, 1.0)).isEqualTo(600);
        assertThat(p.backoffMillis(10, 0.5)).isEqualTo(30_000);
        assertThat(p.backoffMillis(1_000, 1.0)).isEqualTo(36_000);
    }

    @Test
    void defaultsAreUsable() {
        AmiProperties p = new AmiProperties(null, null, null, null, null, null, null, null, null);
        assertThat(p.enabled()).isTrue();
        assertThat(p.actionPoolSize()).isEqualTo(2);
        assertThat(p.lanes()).isGreaterThanOrEqualTo(2);
        assertThat(p.actionTimeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
