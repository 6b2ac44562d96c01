package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.ChangeCursor;
import cn.heatdesk.baseinfo.api.ChangePage;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The pull loop: pages until hasMore=false, cursor moved after each applied page, kept on errors. */
class SyncPullerTest {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 5, 10, 0);

    final SyncStore store = mock(SyncStore.class);
    final SyncAlerts alerts = mock(SyncAlerts.class);
    @SuppressWarnings("unchecked")
    final SyncPuller puller = new SyncPuller(store, mock(SyncIntake.class), alerts, new IntegrationProperties(),
            mock(ObjectProvider.class), mock(ObjectProvider.class), mock(LockProvider.class));
    final SyncCursor row = new SyncCursor();

    SyncPullerTest() {
        row.setId(7L);
        row.setCursorTime(T0);
        row.setCursorKey("K0");
        when(store.cursor(SyncSource.BILLING, SyncEntity.HOUSEHOLD)).thenReturn(row);
    }

    static ChangePage<String> page(List<String> keys, int lastSecond, boolean more) {
        return new ChangePage<>(keys, new ChangeCursor(T0.plusSeconds(lastSecond), keys.get(keys.size() - 1)), more);
    }

    @Test
    void pagesUntilTheFeedHasNoMoreAndMovesTheCursorAfterEachPage() {
        List<ChangeCursor> asked = new ArrayList<>();
        List<ChangePage<String>> pages = List.of(page(List.of("A", "B"), 1, true), page(List.of("C", "D"), 2, true),
                page(List.of("E"), 3, false));
        List<String> applied = new ArrayList<>();
        SyncPuller.FeedReport r = puller.pull(SyncSource.BILLING, SyncEntity.HOUSEHOLD,
                (c, n) -> {
                    asked.add(c);
                    assertThat(n).isEqualTo(2);
                    return pages.get(asked.size() - 1);
                },
                p -> {
                    applied.addAll(p.records());
                    return List.of(new RecordApplier.Applied(0, "x", SyncOutcome.REJECTED, null, "bad", "x", "{}", true, null, null));
                },
                2, Instant.now().plusSeconds(60));

        assertThat(asked).containsExactly(new ChangeCursor(T0, "K0"), new ChangeCursor(T0.plusSeconds(1), "B"),
                new ChangeCursor(T0.plusSeconds(2), "D"));
        assertThat(applied).containsExactly("A", "B", "C", "D", "E");
        ArgumentCaptor<ChangeCursor> moved = ArgumentCaptor.forClass(ChangeCursor.class);
        verify(store, times(3)).advanced(eq(row), moved.capture(), anyLong());
        assertThat(moved.getAllValues()).extracting(ChangeCursor::lastKey).containsExactly("B", "D", "E");
        verify(store).finished(eq(row), eq(true), anyString(), any());
        assertThat(r.ok()).isTrue();
        assertThat(r.records()).isEqualTo(5);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.message()).contains("拉取5条").contains("3条未能写入");
        verify(alerts, never()).pullFailed(any(), any(), anyString());
    }

    @Test
    void aServerErrorKeepsTheCursorOfTheFailedPageAndRaisesAnAlert() {
        List<ChangePage<String>> pages = List.of(page(List.of("A"), 1, true));
        int[] calls = {0};
        SyncPuller.FeedReport r = puller.pull(SyncSource.BILLING, SyncEntity.HOUSEHOLD,
                (c, n) -> {
                    if (calls[0]++ == 0) {
                        return pages.get(0);
                    }
                    throw new IntegrationCallException("经营计费系统返回错误 HTTP 500");
                },
                p -> List.of(), 10, Instant.now().plusSeconds(60));

        verify(store, times(1)).advanced(eq(row), eq(new ChangeCursor(T0.plusSeconds(1), "A")), eq(1L));
        verify(store).finished(eq(row), eq(false), eq("经营计费系统返回错误 HTTP 500"), any());
        verify(alerts).pullFailed(SyncSource.BILLING, SyncEntity.HOUSEHOLD, "经营计费系统返回错误 HTTP 500");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aFailureWhileApplyingDoesNotMoveTheCursor() {
        SyncPuller.FeedReport r = puller.pull(SyncSource.BILLING, SyncEntity.HOUSEHOLD,
                (c, n) -> page(List.of("A"), 1, false),
                p -> {
                    throw new org.springframework.dao.DataAccessResourceFailureException("connection refused");
                }, 10, Instant.now().plusSeconds(60));
        verify(store, never()).advanced(any(), any(), anyLong());
        verify(store).finished(eq(row), eq(false), org.mockito.ArgumentMatchers.contains("connection refused"), any());
        assertThat(r.ok()).isFalse();
    }

    @Test
    void stopsAtTheTimeBudgetAndContinuesNextTime() {
        SyncPuller.FeedReport r = puller.pull(SyncSource.BILLING, SyncEntity.HOUSEHOLD,
                (c, n) -> page(List.of("K" + c.lastKey()), 1 + (c.updatedAt().getSecond()), true),
                p -> List.of(), 10, Instant.now().minusSeconds(1));
        assertThat(r.pages()).isEqualTo(1);
        assertThat(r.message()).contains("时间上限");
        verify(store).finished(eq(row), eq(true), anyString(), any());
    }

    @Test
    void answersThatWouldSpinOrGoBackAreContractErrors() {
        ChangeCursor at = new ChangeCursor(T0, "K0");
        assertThatThrownBy(() -> SyncPuller.checkPage(SyncSource.BILLING, new ChangePage<>(List.of(), at, true), at))
                .hasMessageContaining("hasMore");
        assertThatThrownBy(() -> SyncPuller.checkPage(SyncSource.BILLING, new ChangePage<>(List.of("A"), at, true), at))
                .hasMessageContaining("没有前进");
        assertThatThrownBy(() -> SyncPuller.checkPage(SyncSource.BILLING,
                new ChangePage<>(List.of("A"), new ChangeCursor(T0.minusSeconds(5), "Z"), false), at))
                .hasMessageContaining("早于");
        // an empty last page keeps the cursor whatever it says
        assertThat(SyncPuller.checkPage(SyncSource.BILLING, new ChangePage<>(List.of(), null, false), at)).isEqualTo(at);
        // keys are opaque: a smaller key at a later time is fine
        ChangeCursor later = new ChangeCursor(T0.plusSeconds(1), "A");
        assertThat(SyncPuller.checkPage(SyncSource.BILLING, new ChangePage<>(List.of("A"), later, false), at)).isEqualTo(later);
    }

    @Test
    void doesNothingWhenTheSourceIsNotConfigured() {
        assertThat(puller.scheduled(SyncSource.BILLING)).isEmpty();
        assertThat(puller.scheduled(SyncSource.HEATNET)).isEmpty();
        verify(store, never()).cursor(any(), any());
        verify(store, never()).finished(any(), anyBoolean(), anyString(), any());
    }
}
