package cn.heatdesk.notice.outbox;

import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.routing.RoutingProperties;
import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.api.OutboxMessage;
import cn.heatdesk.notice.channel.ChannelRegistry;
import cn.heatdesk.notice.config.NoticeProperties;
import cn.heatdesk.settings.api.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's decisions against an in-memory outbox that implements the claim/finish conditions of
 * OutboxMapper.xml: outcomes, backoff, DEAD, retry rounds, late phone lookup, and that a row claimed by one
 * dispatcher is not sent by another.
 */
class OutboxDispatcherTest {

    final Map<Long, OutboxRow> rows = new LinkedHashMap<>();
    final List<DeliveryLog> logs = new ArrayList<>();
    final List<OutboxMessage> sent = new ArrayList<>();
    final NoticeProperties props = new NoticeProperties();
    Function<OutboxMessage, DeliveryResult> behaviour = m -> DeliveryResult.sent("ok");
    String phoneOnFile;
    OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        props.getOutbox().setMaxAttempts(3);
        props.getOutbox().setBackoff(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2)));
        NoticeChannelAdapter sms = new NoticeChannelAdapter() {
            public NoticeChannel channel() { return NoticeChannel.SMS; }
            public String name() { return "log"; }
            public DeliveryResult send(OutboxMessage m) {
                sent.add(m);
                return behaviour.apply(m);
            }
        };
        NoticeChannelAdapter wechat = adapter(NoticeChannel.WECHAT, "wechat");
        NoticeChannelAdapter push = adapter(NoticeChannel.APP_PUSH, "live");
        ChannelRegistry registry = new ChannelRegistry(List.of(sms, wechat, push), props);
        AtomicLong ids = new AtomicLong(1000);
        IdGenerator idGen = ids::incrementAndGet;
        dispatcher = new OutboxDispatcher(new MemoryOutbox(), new MemoryLogs(), registry,
                users(), idGen, props, new NoTx(), new StaticListableBeanFactory().getBeanProvider(RoutingProperties.class));
    }

    /** the settings module's user lookup: only the phone number matters here */
    UserApi users() {
        UserApi users = Mockito.mock(UserApi.class);
        Mockito.when(users.phone(Mockito.anyLong())).thenAnswer(i -> Optional.ofNullable(phoneOnFile));
        return users;
    }

    static NoticeChannelAdapter adapter(NoticeChannel c, String name) {
        return new NoticeChannelAdapter() {
            public NoticeChannel channel() { return c; }
            public String name() { return name; }
            public DeliveryResult send(OutboxMessage m) { return DeliveryResult.sent("ok"); }
        };
    }

    OutboxRow pending(long id, String address) {
        OutboxRow r = new OutboxRow();
        r.setId(id);
        r.setChannel("SMS");
        r.setRecipientId(7L);
        r.setRecipientName("孙师傅");
        r.setAddress(address);
        r.setEventCode("TICKET_URGED");
        r.setContent("工单催办");
        r.setStatus(OutboxRow.PENDING);
        r.setAttempts(0);
        r.setRetryBase(0);
        r.setNextAttemptAt(LocalDateTime.now().minusSeconds(1));
        rows.put(id, r);
        return r;
    }

    @Test
    void sentRowIsLoggedAndCarriesItsIdAsIdempotencyKey() {
        pending(1, "13800138000");
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        OutboxRow r = rows.get(1L);
        assertThat(r.getStatus()).isEqualTo(OutboxRow.SENT);
        assertThat(r.getAttempts()).isEqualTo(1);
        assertThat(r.getSentAt()).isNotNull();
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).getSuccess()).isEqualTo(1);
        assertThat(logs.get(0).getAdapter()).isEqualTo("log");
        assertThat(sent.get(0).id()).isEqualTo(1L);
        assertThat(sent.get(0).address()).isEqualTo("13800138000");
        assertThat(sent.get(0).attempt()).isEqualTo(1);
        // nothing due any more
        assertThat(dispatcher.runOnce()).isZero();
    }

    @Test
    void retryableFailuresBackOffThenDie() {
        behaviour = m -> DeliveryResult.retry("网关 500", "busy");
        pending(1, "13800138000");
        dispatcher.runOnce();
        OutboxRow r = rows.get(1L);
        assertThat(r.getStatus()).isEqualTo(OutboxRow.PENDING);
        assertThat(r.getLastError()).isEqualTo("网关 500");
        assertThat(r.getNextAttemptAt()).isAfter(LocalDateTime.now().plusSeconds(25)).isBefore(LocalDateTime.now().plusSeconds(31));
        // not due yet
        assertThat(dispatcher.runOnce()).isZero();
        r.setNextAttemptAt(LocalDateTime.now().minusSeconds(1));
        dispatcher.runOnce();
        assertThat(r.getNextAttemptAt()).isAfter(LocalDateTime.now().plusSeconds(110));
        r.setNextAttemptAt(LocalDateTime.now().minusSeconds(1));
        dispatcher.runOnce();
        assertThat(r.getStatus()).isEqualTo(OutboxRow.DEAD);
        assertThat(r.getAttempts()).isEqualTo(3);
        assertThat(r.getLastError()).contains("网关 500", "已尝试 3 次");
        assertThat(logs).hasSize(3).allSatisfy(l -> assertThat(l.getSuccess()).isZero());
        assertThat(logs).extracting(DeliveryLog::getAttemptNo).containsExactly(1, 2, 3);

        // a manual retry (requeue) grants a fresh round: three more tries before DEAD again
        new MemoryOutbox().requeue(1, LocalDateTime.now(), null);
        assertThat(r.getRetryBase()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            r.setNextAttemptAt(LocalDateTime.now().minusSeconds(1));
            dispatcher.runOnce();
        }
        assertThat(r.getStatus()).isEqualTo(OutboxRow.DEAD);
        assertThat(r.getAttempts()).isEqualTo(6);
    }

    @Test
    void permanentFailureStopsAtOnceAndExceptionsAreRetried() {
        behaviour = m -> DeliveryResult.failed("号码无效", null);
        pending(1, "1");
        dispatcher.runOnce();
        assertThat(rows.get(1L).getStatus()).isEqualTo(OutboxRow.FAILED);
        assertThat(rows.get(1L).getLastError()).isEqualTo("号码无效");

        behaviour = m -> {
            throw new IllegalStateException("boom");
        };
        pending(2, "13800138000");
        dispatcher.runOnce();
        assertThat(rows.get(2L).getStatus()).isEqualTo(OutboxRow.PENDING);
        assertThat(rows.get(2L).getLastError()).contains("boom");
    }

    @Test
    void smsWithoutNumberLooksItUpAtSendTime() {
        pending(1, null);
        dispatcher.runOnce();
        assertThat(rows.get(1L).getStatus()).isEqualTo(OutboxRow.FAILED);
        assertThat(rows.get(1L).getLastError()).contains("未登记手机号");
        assertThat(sent).isEmpty();
        assertThat(logs).hasSize(1);

        phoneOnFile = "13900001111";
        pending(2, null);
        dispatcher.runOnce();
        assertThat(rows.get(2L).getStatus()).isEqualTo(OutboxRow.SENT);
        assertThat(rows.get(2L).getAddress()).isEqualTo("13900001111");
        assertThat(sent.get(0).address()).isEqualTo("13900001111");
    }

    @Test
    void aRowClaimedElsewhereIsNotSentAgain() {
        OutboxRow r = pending(1, "13800138000");
        OutboxRow staleCopy = copy(r);
        // another dispatcher claimed it first
        assertThat(new MemoryOutbox().claim(1, 0, LocalDateTime.now(), LocalDateTime.now().plusMinutes(2))).isEqualTo(1);
        assertThat(dispatcher.deliver(staleCopy)).isFalse();
        assertThat(sent).isEmpty();
        assertThat(logs).isEmpty();
    }

    static OutboxRow copy(OutboxRow r) {
        OutboxRow c = new OutboxRow();
        c.setId(r.getId());
        c.setChannel(r.getChannel());
        c.setRecipientId(r.getRecipientId());
        c.setAddress(r.getAddress());
        c.setEventCode(r.getEventCode());
        c.setContent(r.getContent());
        c.setStatus(r.getStatus());
        c.setAttempts(r.getAttempts());
        c.setRetryBase(r.getRetryBase());
        c.setNextAttemptAt(r.getNextAttemptAt());
        return c;
    }

    /** nt_outbox in memory with the WHERE conditions of OutboxMapper.xml */
    final class MemoryOutbox implements OutboxMapper {
        public void insert(OutboxRow row) { rows.put(row.getId(), row); }
        public List<OutboxRow> selectPage(OutboxFilter filter, String orderBy) { throw new UnsupportedOperationException(); }
        public OutboxRow selectById(long id) { return rows.get(id); }
        public List<StatusCount> countByStatus(OutboxFilter filter) { throw new UnsupportedOperationException(); }
        public OutboxRow selectByIdUnscoped(long id) { return rows.get(id); }

        public List<OutboxRow> selectDue(LocalDateTime now) {
            return rows.values().stream().filter(r -> r.getStatus().equals(OutboxRow.PENDING) && !r.getNextAttemptAt().isAfter(now))
                    .map(OutboxDispatcherTest::copy).toList();
        }

        public int claim(long id, int seenAttempts, LocalDateTime now, LocalDateTime leaseUntil) {
            OutboxRow r = rows.get(id);
            if (r == null || !r.getStatus().equals(OutboxRow.PENDING) || r.getAttempts() != seenAttempts || r.getNextAttemptAt().isAfter(now)) {
                return 0;
            }
            r.setAttempts(r.getAttempts() + 1);
            r.setNextAttemptAt(leaseUntil);
            return 1;
        }

        public int finish(long id, int claimedAttempts, String status, LocalDateTime nextAttemptAt, String lastError,
                          LocalDateTime sentAt, LocalDateTime now, String address) {
            OutboxRow r = rows.get(id);
            if (r == null || !r.getStatus().equals(OutboxRow.PENDING) || r.getAttempts() != claimedAttempts) {
                return 0;
            }
            r.setStatus(status);
            r.setNextAttemptAt(nextAttemptAt);
            r.setLastError(lastError);
            r.setSentAt(sentAt);
            if (address != null) {
                r.setAddress(address);
            }
            return 1;
        }

        public int requeue(long id, LocalDateTime now, String address) {
            OutboxRow r = rows.get(id);
            if (r == null || !(r.getStatus().equals(OutboxRow.FAILED) || r.getStatus().equals(OutboxRow.DEAD))) {
                return 0;
            }
            r.setStatus(OutboxRow.PENDING);
            r.setRetryBase(r.getAttempts());
            r.setNextAttemptAt(now);
            return 1;
        }
    }

    final class MemoryLogs implements DeliveryLogMapper {
        public void insert(DeliveryLog log) { logs.add(log); }
        public List<DeliveryLog> selectByOutbox(long outboxId) { return logs.stream().filter(l -> l.getOutboxId() == outboxId).toList(); }
    }

    static final class NoTx extends AbstractPlatformTransactionManager {
        protected Object doGetTransaction() { return new Object(); }
        protected void doBegin(Object transaction, TransactionDefinition definition) { }
        protected void doCommit(DefaultTransactionStatus status) { }
        protected void doRollback(DefaultTransactionStatus status) { }
    }
}
