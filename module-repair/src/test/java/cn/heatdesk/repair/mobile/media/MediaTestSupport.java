package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.CurrentUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Users, ids and a transaction manager that only runs the callbacks, for the media unit tests. */
final class MediaTestSupport {

    static final CurrentUser WORKER = new CurrentUser(7L, "worker01", "孙师傅", 2L, 10L, "/1/2/10/", DataScope.SELF,
            List.of(), Set.of(), Set.of("WORKER"));
    static final CurrentUser OTHER = new CurrentUser(8L, "worker02", "赵师傅", 2L, 10L, "/1/2/10/", DataScope.SELF,
            List.of(), Set.of(), Set.of("WORKER"));

    private MediaTestSupport() {
    }

    static PlatformTransactionManager noTransactions() {
        PlatformTransactionManager tm = mock(PlatformTransactionManager.class);
        when(tm.getTransaction(any())).thenAnswer(i -> new SimpleTransactionStatus());
        return tm;
    }

    static cn.heatdesk.kernel.id.IdGenerator ids() {
        AtomicLong next = new AtomicLong(1000);
        return next::incrementAndGet;
    }

    /** a PNG signature followed by {@code length - 8} pseudo-random bytes */
    static byte[] png(int length, long seed) {
        byte[] b = new byte[length];
        new java.util.Random(seed).nextBytes(b);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }
}
