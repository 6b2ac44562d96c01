package cn.heatdesk.monitor.approval;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** SP + day + sequence; the day's counter row is created before the caller's transaction touches it. */
class ApprovalNumbersTest {

    ApprovalSeqMapper seq = mock(ApprovalSeqMapper.class);
    ApprovalNumbers numbers = new ApprovalNumbers(seq, tm());
    LocalDate day = LocalDate.of(2026, 11, 21);

    /** a transaction manager handing out plain statuses (the row creation runs in a transaction of its own) */
    static PlatformTransactionManager tm() {
        PlatformTransactionManager tm = mock(PlatformTransactionManager.class);
        when(tm.getTransaction(any())).thenAnswer(i -> new SimpleTransactionStatus());
        return tm;
    }

    @Test
    void theFirstNumberOfADayCreatesTheCounterFirst() {
        when(seq.current("20261121")).thenReturn(null).thenReturn(1);
        when(seq.increment("20261121")).thenReturn(1);
        assertThat(numbers.next(day)).isEqualTo("SP202611210001");
        InOrder order = inOrder(seq);
        order.verify(seq).current("20261121");
        order.verify(seq).insert("20261121");
        order.verify(seq).increment("20261121");
    }

    @Test
    void laterNumbersOnlyCountUpAndARaceForTheRowIsHarmless() {
        when(seq.current("20261121")).thenReturn(41).thenReturn(42);
        when(seq.increment("20261121")).thenReturn(1);
        assertThat(numbers.next(day)).isEqualTo("SP202611210042");
        verify(seq, never()).insert("20261121");

        ApprovalSeqMapper raced = mock(ApprovalSeqMapper.class);
        when(raced.current("20261121")).thenReturn(null).thenReturn(7);
        doThrow(new DuplicateKeyException("taken")).when(raced).insert("20261121");
        when(raced.increment("20261121")).thenReturn(1);
        assertThat(new ApprovalNumbers(raced, tm()).next(day)).isEqualTo("SP202611210007");

        ApprovalSeqMapper broken = mock(ApprovalSeqMapper.class);
        when(broken.increment("20261121")).thenReturn(0);
        when(broken.current("20261121")).thenReturn(3);
        assertThatThrownBy(() -> new ApprovalNumbers(broken, tm()).next(day))
                .isInstanceOf(IllegalStateException.class);
    }
}
