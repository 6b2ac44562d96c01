package cn.heatdesk.notice.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void followsTheScheduleAndRepeatsItsLastValue() {
        List<Duration> s = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
        assertThat(Backoff.after(s, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(s, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.after(s, 3)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Backoff.after(s, 9)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Backoff.after(s, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(List.of(), 3)).isEqualTo(Duration.ofMinutes(1));
    }
}
