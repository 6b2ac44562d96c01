package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.callcenter.call.LocalRecordingStore;
import cn.heatdesk.callcenter.call.RecordingStore;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Sm4Gcm;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.id.SnowflakeIdGenerator;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCreate;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketView;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The voicemail package on H2 with the real changelog and mappers. The service desk is a stand-in that writes its
 * "ticket" into t_test_ticket with the caller's JDBC transaction, as the real one writes its tables: so the tests can
 * see what a rollback leaves. Other modules' APIs are small in-memory fakes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@MapperScan(basePackages = {"cn.heatdesk.callcenter.voicemail", "cn.heatdesk.callcenter.call"},
        annotationClass = Mapper.class)
@Import({VoicemailRecorder.class, VoicemailTicketing.class, VoicemailTicketJob.class})
public class VoicemailTestApp {

    static final long GW = 41L;
    static final String KNOWN_CALLER = "13800001111";
    static final long HOUSEHOLD = 7007L;
    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("hd-voicemail-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    IdGenerator idGenerator() {
        return new SnowflakeIdGenerator(5);
    }

    @Bean
    FieldCipher fieldCipher() {
        return new FieldCipher(Sm4Gcm.single("v1", Sm4Gcm.generateKey()), "0123456789abcdef0123456789abcdef".getBytes());
    }

    @Bean
    RecordingStore recordingStore() {
        return new LocalRecordingStore(ROOT.toString());
    }

    @Bean
    GatewayDirectory gatewayDirectory() {
        GatewayEndpoint gw = new GatewayEndpoint(GW, "GW41", "测试网关", 2L, "/1/2/", null, "127.0.0.1", 5038, "u", "s",
                true);
        return new GatewayDirectory() {
            @Override
            public List<GatewayEndpoint> enabledGateways() {
                return List.of(gw);
            }

            @Override
            public Optional<GatewayEndpoint> find(long gatewayId) {
                return gatewayId == GW ? Optional.of(gw) : Optional.empty();
            }
        };
    }

    /** the file store: counts what it was given */
    static final class Files2 extends AudioAttachments {
        final List<String> stored = new CopyOnWriteArrayList<>();

        Files2() {
            super(null);
        }

        @Override
        long store(Path audio, String name) {
            stored.add(name);
            // same content and name → same id, as the kernel store does
            return 900_000L + Math.abs(name.hashCode() % 1000);
        }
    }

    @Bean
    Files2 audioAttachments() {
        return new Files2();
    }

    /** the service desk: inserts the ticket in the current transaction; can be told to fail after writing */
    static final class Desk {
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failAfterWrite;
        volatile RuntimeException failBefore;
        volatile long delayMs;
        final List<TicketCreate> seen = new CopyOnWriteArrayList<>();
        JdbcTemplate jdbc;
        IdGenerator ids;

        TicketView create(TicketCreate c) {
            calls.incrementAndGet();
            if (failBefore != null) {
                throw failBefore;
            }
            long id = ids.nextId();
            jdbc.update("INSERT INTO t_test_ticket (id, ticket_type, source, household_id, caller_phone, call_id, "
                            + "attachment_id, dispatch_now, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    c.ticketType(), c.source(), c.householdId(), c.callerPhone(), c.callId(),
                    c.attachmentIds() == null || c.attachmentIds().isEmpty() ? null : c.attachmentIds().get(0),
                    c.dispatchNow() ? 1 : 0, c.content());
            seen.add(c);
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failAfterWrite != null) {
                throw failAfterWrite;
            }
            TicketRow row = record(TicketRow.class, Map.of("id", id, "ticketNo", "GD" + id));
            return record(TicketView.class, Map.of("ticket", row));
        }
    }

    @Bean
    Desk desk(JdbcTemplate jdbc, IdGenerator ids) {
        Desk d = new Desk();
        d.jdbc = jdbc;
        d.ids = ids;
        return d;
    }

    @Bean
    TicketApi ticketApi(Desk desk) {
        return (TicketApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{TicketApi.class},
                (p, m, args) -> {
                    if (m.getName().equals("create")) {
                        return desk.create((TicketCreate) args[0]);
                    }
                    if (m.getName().equals("toString")) {
                        return "Desk";
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Bean
    HouseholdApi householdApi() {
        HouseholdSummary hh = new HouseholdSummary(HOUSEHOLD, "HH7007", 1L, "/1/", "幸福小区 1-1-101", "101", null,
                "HEATING", null, 1L, "张三", 2L, "/1/2/");
        return (HouseholdApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HouseholdApi.class},
                (p, m, args) -> {
                    if (m.getName().equals("findByPhone")) {
                        return KNOWN_CALLER.equals(args[0]) ? List.of(hh) : List.of();
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** a record with the given components and zero / null everywhere else */
    static <R extends Record> R record(Class<R> type, Map<String, Object> values) {
        try {
            RecordComponent[] cs = type.getRecordComponents();
            Class<?>[] types = new Class<?>[cs.length];
            Object[] args = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                Object v = values.get(cs[i].getName());
                if (v == null && types[i].isPrimitive()) {
                    v = types[i] == boolean.class ? false : types[i] == long.class ? 0L : types[i] == int.class ? 0
                            : types[i] == double.class ? 0d : (Object) 0;
                }
                args[i] = v;
            }
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static BizException refused() {
        return BizException.invalid("subsidiaryId", "分公司不存在");
    }
}
