package cn.heatdesk.callcenter.call;

import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.callcenter.ami.GatewayActions;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Sm4Gcm;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.id.SnowflakeIdGenerator;
import cn.heatdesk.notice.api.LivePush;
import org.apache.ibatis.annotations.Mapper;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The call package alone on H2 with its own changelog and mappers (real SQL); the other modules' APIs and the
 * AMI layer are replaced by small in-memory stand-ins that record what they were asked.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@MapperScan(basePackages = "cn.heatdesk.callcenter.call", annotationClass = Mapper.class)
@Import({CallTracker.class, CallStore.class, ScreenPop.class, CallStatsService.class})
public class CallTestApp {

    static final long GW = 7L;
    static final String PANEL_NUMBER = "+4915112345678";
    static final long HOUSEHOLD = 5005L;
    /** how long the household lookup behind the screen pop takes (a slow database) */
    static volatile long panelDelayMs;
    static final AgentRef ANNA = new AgentRef(11L, 1001L, "8001", "Anna Agent");
    static final AgentRef BERND = new AgentRef(12L, 1002L, "8002", "Bernd Agent");

    @Bean
    IdGenerator idGenerator() {
        return new SnowflakeIdGenerator(3);
    }

    @Bean
    FieldCipher fieldCipher() {
        return new FieldCipher(Sm4Gcm.single("v1", Sm4Gcm.generateKey()), "0123456789abcdef0123456789abcdef".getBytes());
    }

    @Bean
    Agents agentResolver() {
        Agents a = new Agents();
        a.byDevice.put("PJSIP/8001", ANNA);
        a.byDevice.put("PJSIP/8002", BERND);
        return a;
    }

    @Bean
    GatewayDirectory gatewayDirectory() {
        // every test replays on a gateway id of its own; all of them belong to subsidiary 100
        return new GatewayDirectory() {
            @Override
            public List<GatewayEndpoint> enabledGateways() {
                return List.of(endpoint(GW));
            }

            @Override
            public Optional<GatewayEndpoint> find(long gatewayId) {
                return gatewayId == 0 ? Optional.empty() : Optional.of(endpoint(gatewayId));
            }
        };
    }

    static GatewayEndpoint endpoint(long id) {
        return new GatewayEndpoint(id, "GW" + id, "网关" + id, 100L, "/1/100/", null, "127.0.0.1", 5038,
                "heatdesk", "secret", true);
    }

    @Bean
    FakeActions gatewayActions() {
        return new FakeActions();
    }

    @Bean
    Pushes livePush() {
        return new Pushes();
    }

    @Bean
    Audience statsAudience() {
        return new Audience();
    }

    /** the signed-in users the figures go to, set by each test */
    static final class Audience implements StatsAudience {
        final List<cn.heatdesk.kernel.security.CurrentUser> users = new CopyOnWriteArrayList<>();

        @Override
        public List<cn.heatdesk.kernel.security.CurrentUser> recipients() {
            return List.copyOf(users);
        }
    }

    @Bean
    Numbers numberVisibility() {
        return new Numbers();
    }

    @Bean
    HouseholdApi householdApi() {
        HouseholdSummary h = new HouseholdSummary(HOUSEHOLD, "HH-0001", 1L, "/1/2/", "幸福小区1号楼1单元101", "101",
                new BigDecimal("88.50"), "HEATING", BigDecimal.ZERO, 9L, "王某某", 100L, "/1/100/");
        return (HouseholdApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HouseholdApi.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("panelForCaller")) {
                        if (panelDelayMs > 0) {
                            Thread.sleep(panelDelayMs);
                        }
                        String phone = (String) args[0];
                        return PANEL_NUMBER.equals(phone) ? new CallerPanel(phone, List.of(h), null, List.of())
                                : new CallerPanel(phone, List.of(), null, List.of());
                    }
                    if (method.getName().equals("toString")) {
                        return "households";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Bean
    LocalRecordingStore recordingStore() throws java.io.IOException {
        Path root = Files.createTempDirectory("hd-recordings");
        return new LocalRecordingStore(root.toString());
    }

    static final class Agents implements AgentResolver {
        final Map<String, AgentRef> byDevice = new ConcurrentHashMap<>();

        @Override
        public Optional<AgentRef> byInterface(long gatewayId, String memberInterface) {
            // the same phones on every test gateway
            return Optional.ofNullable(byDevice.get(memberInterface));
        }

        @Override
        public Optional<AgentRef> byMemberName(long gatewayId, String memberName) {
            return byDevice.values().stream().filter(a -> a.name().equals(memberName)).findFirst();
        }
    }

    record Push(Set<Long> users, String topic, Object payload) {
    }

    static final class Pushes implements LivePush {
        final List<Push> sent = new CopyOnWriteArrayList<>();

        @Override
        public void broadcast(String topic, Object payload) {
            sent.add(new Push(null, topic, payload));
        }

        @Override
        public void toUsers(Collection<Long> userIds, String topic, Object payload) {
            sent.add(new Push(Set.copyOf(userIds), topic, payload));
        }

        List<Push> on(String topic) {
            return sent.stream().filter(p -> p.topic().equals(topic)).toList();
        }
    }

    static final class Numbers implements NumberVisibility {
        final Set<Long> allowed = ConcurrentHashMap.newKeySet();

        @Override
        public boolean mayView(long userId) {
            return allowed.contains(userId);
        }
    }

    /** what CoreShowChannels answers, per gateway */
    static final class FakeActions implements GatewayActions {
        final Map<Long, List<ResponseEvent>> channels = new HashMap<>();
        final List<ManagerAction> sent = new ArrayList<>();

        @Override
        public ManagerResponse send(long gatewayId, ManagerAction action) {
            sent.add(action);
            return new ManagerResponse();
        }

        @Override
        public List<ResponseEvent> sendList(long gatewayId, EventGeneratingAction action) {
            sent.add(action);
            return channels.getOrDefault(gatewayId, List.of());
        }

        @Override
        public boolean connected(long gatewayId) {
            return true;
        }
    }
}
