package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.callcenter.ami.GatewayActions;
import cn.heatdesk.callcenter.ami.GatewayUnavailableException;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Records every AMI action sent and answers like Asterisk: "Success" unless a scripted rule says otherwise
 * (an Asterisk "Error" message, or the gateway being unreachable).
 */
public class FakeGatewayActions implements GatewayActions {

    /** one action as sent */
    public record Sent(long gatewayId, ManagerAction action) {
        public String name() {
            return action.getAction();
        }
    }

    private record Rule(Predicate<ManagerAction> when, String errorMessage) {
    }

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;
    private volatile List<ResponseEvent> listAnswer = List.of();
    /** runs on the sending thread before each action is answered (tests use it to hold a command mid-way) */
    private volatile java.util.function.Consumer<ManagerAction> beforeAnswer = a -> { };

    public void reset() {
        sent.clear();
        rules.clear();
        unavailable = false;
        listAnswer = List.of();
        beforeAnswer = a -> { };
    }

    public void beforeAnswer(java.util.function.Consumer<ManagerAction> hook) {
        beforeAnswer = hook;
    }

    /** Asterisk answers "Response: Error" with this message to matching actions */
    public void refuse(Predicate<ManagerAction> when, String message) {
        rules.add(new Rule(when, message));
    }

    public void unavailable(boolean v) {
        unavailable = v;
    }

    public void listAnswer(List<ResponseEvent> events) {
        listAnswer = List.copyOf(events);
    }

    public List<ManagerAction> actions() {
        return sent.stream().map(Sent::action).toList();
    }

    @Override
    public ManagerResponse send(long gatewayId, ManagerAction action) {
        if (unavailable) {
            throw new GatewayUnavailableException("网关未连接");
        }
        sent.add(new Sent(gatewayId, action));
        beforeAnswer.accept(action);
        ManagerResponse r = new ManagerResponse();
        for (Rule rule : rules) {
            if (rule.when().test(action)) {
                r.setResponse("Error");
                r.setMessage(rule.errorMessage());
                return r;
            }
        }
        r.setResponse("Success");
        r.setMessage("ok");
        return r;
    }

    @Override
    public List<ResponseEvent> sendList(long gatewayId, EventGeneratingAction action) {
        if (unavailable) {
            throw new GatewayUnavailableException("网关未连接");
        }
        sent.add(new Sent(gatewayId, action));
        return new ArrayList<>(listAnswer);
    }

    @Override
    public boolean connected(long gatewayId) {
        return !unavailable;
    }

    /** the fields of an action as Asterisk receives them (getter name → value), for exact assertions */
    public static Map<String, Object> fields(ManagerAction a) {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (java.lang.reflect.Method m : a.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().startsWith("get") && m.getDeclaringClass() != Object.class
                    && !m.getName().equals("getClass") && !m.getName().equals("getActionId")
                    && !m.getName().equals("getActionCompleteEventClass")) {
                try {
                    Object v = m.invoke(a);
                    if (v != null) {
                        out.put(m.getName().substring(3), v);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
