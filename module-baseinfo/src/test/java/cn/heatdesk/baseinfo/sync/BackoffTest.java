package cn.heatdesk.baseinfo.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void doublesFromOneMinuteAndStopsAtAnHour() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(Backoff::delayAfter).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(Backoff.delayAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void givesUpAfterTenAttempts() {
        assertThat(Backoff.exhausted(9)).isFalse();
        assertThat(Backoff.exhausted(10)).isTrue();
        assertThat(Backoff.MAX_ATTEMPTS).isEqualTo(10);
    }
}
