package cn.heatdesk.callcenter.ami;

import org.asteriskjava.manager.event.ManagerEvent;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key that keeps one call's events in order: linkedid (shared by every channel of a call), else uniqueid, else
 * the queue, else nothing (gateway-wide events). asterisk-java spells the getters differently per event class
 * (getLinkedid / getLinkedId), so they are found by name once per class.
 */
final class PartitionKeys {

    private static final Map<Class<?>, Getters> GETTERS = new ConcurrentHashMap<>();

    private PartitionKeys() {
    }

    record Getters(Optional<Method> linkedId, Optional<Method> uniqueId, Optional<Method> queue) {
    }

    static String of(ManagerEvent e) {
        Getters g = GETTERS.computeIfAbsent(e.getClass(), PartitionKeys::find);
        String v = call(g.linkedId, e);
        if (v == null) {
            v = call(g.uniqueId, e);
        }
        if (v == null) {
            String q = call(g.queue, e);
            return q == null ? null : "queue:" + q;
        }
        return v;
    }

    private static Getters find(Class<?> type) {
        Method linked = null;
        Method unique = null;
        Method queue = null;
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || m.getReturnType() != String.class) {
                continue;
            }
            switch (m.getName().toLowerCase(Locale.ROOT)) {
                case "getlinkedid" -> linked = m;
                case "getuniqueid" -> unique = m;
                case "getqueue" -> queue = m;
                default -> {
                }
            }
        }
        return new Getters(Optional.ofNullable(linked), Optional.ofNullable(unique), Optional.ofNullable(queue));
    }

    private static String call(Optional<Method> m, ManagerEvent e) {
        if (m.isEmpty()) {
            return null;
        }
        try {
            Object v = m.get().invoke(e);
            return v == null || v.toString().isEmpty() ? null : v.toString();
        } catch (ReflectiveOperationException ex) {
            return null;
        }
    }
}
