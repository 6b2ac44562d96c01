package cn.heatdesk.kernel.id;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnowflakeIdGeneratorTest {

    @Test
    void idsAreUniqueAndIncreasingAcrossThreads() {
        SnowflakeIdGenerator gen = new SnowflakeIdGenerator(3);
        long previous = 0;
        for (int i = 0; i < 100_000; i++) {
            long id = gen.nextId();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> assertThat(seen.add(gen.nextId())).isTrue());
    }

    @Test
    void differentWorkersNeverCollide() {
        SnowflakeIdGenerator a = new SnowflakeIdGenerator(1);
        SnowflakeIdGenerator b = new SnowflakeIdGenerator(2);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            assertThat(ids.add(a.nextId())).isTrue();
            assertThat(ids.add(b.nextId())).isTrue();
        }
        assertThat((a.nextId() >> 12) & 1023).isEqualTo(1);
    }

    @Test
    void workerIdMustFitTenBits() {
        assertThatThrownBy(() -> new SnowflakeIdGenerator(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SnowflakeIdGenerator(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
