package cn.heatdesk.callcenter.ami;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventLanesTest {

    @Test
    void workWithOneKeyRunsInOrderWhileOtherKeysRunInParallel() throws Exception {
        EventLanes lanes = new EventLanes(4, 1_000_000, "t");
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String key = "call-" + (i % 50);
            int n = i;
            lanes.submit(key, () -> seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(n));
        }
        assertThat(lanes.drain(10_000)).isTrue();
        assertThat(seen).hasSize(50);
        seen.values().forEach(list -> assertThat(list).isSorted().hasSize(400));
        assertThat(lanes.processed()).isEqualTo(20_000);
        lanes.shutdown();
    }

    @Test
    void aSlowKeyDoesNotHoldUpAKeyOnAnotherLaneAndAFailureDoesNotStopTheLane() throws Exception {
        EventLanes lanes = new EventLanes(2, 1_000_000, "t");
        // find two keys on different lanes
        String slow = "a";
        String other = "b";
        for (int i = 0; Math.floorMod(other.hashCode(), 2) == Math.floorMod(slow.hashCode(), 2); i++) {
            other = "b" + i;
        }
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        lanes.submit(slow, () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        lanes.submit(other, () -> {
            throw new IllegalStateException("listener bug");
        });
        lanes.submit(other, otherRan::countDown);
        assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
        // the other lane's task counts itself done just after running; the slow one is still held
        long until = System.currentTimeMillis() + 5_000;
        while (lanes.backlog() > 1 && System.currentTimeMillis() < until) {
            Thread.sleep(5);
        }
        assertThat(lanes.backlog()).isEqualTo(1);
        release.countDown();
        assertThat(lanes.drain(5_000)).isTrue();
        lanes.shutdown();
    }
}
