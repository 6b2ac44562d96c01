package cn.heatdesk.callcenter.call;

import org.asteriskjava.manager.event.ManagerEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The events of a real Asterisk transcript (../shared/fixtures/asterisk/X.ami.log, copied to test resources),
 * turned into asterisk-java event objects by asterisk-java's own event builder — the class its ManagerConnection
 * uses, filling each field through its setter — with the time each event was received as {@code receivedAt}.
 */
final class FixtureEvents {

    record Received(ManagerEvent event, Instant at) {
    }

    private static final Object BUILDER;
    private static final Method BUILD;

    static {
        try {
            Class<?> c = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
            Constructor<?> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            BUILDER = k.newInstance();
            BUILD = c.getMethod("buildEvent", Object.class, Map.class);
            BUILD.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FixtureEvents() {
    }

    static List<Received> load(String name) {
        List<Received> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(FixtureEvents.class.getResourceAsStream("/call/" + name), name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            Instant first = null;
            String line;
            while ((line = r.readLine()) != null) {
                int sp1 = line.indexOf(' ');
                if (line.startsWith("#") || sp1 < 0 || !line.startsWith("<< ", sp1 + 1)) {
                    continue;
                }
                Instant at = LocalDateTime.parse(line.substring(0, sp1)).toInstant(ZoneOffset.UTC);
                String body = line.substring(sp1 + 4);
                if (body.isEmpty()) {
                    if (attrs.containsKey("event")) {
                        ManagerEvent e = build(attrs);
                        if (e != null) {
                            out.add(new Received(e, first));
                        }
                    }
                    attrs = new LinkedHashMap<>();
                    first = null;
                    continue;
                }
                int colon = body.indexOf(':');
                if (colon <= 0) {
                    continue; // the banner line
                }
                if (first == null) {
                    first = at;
                }
                String value = body.substring(colon + 1);
                attrs.put(body.substring(0, colon).toLowerCase(Locale.ENGLISH), value.startsWith(" ") ? value.substring(1) : value);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static ManagerEvent build(Map<String, Object> attrs) {
        try {
            return (ManagerEvent) BUILD.invoke(BUILDER, FixtureEvents.class, attrs);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalDateTime local(String utc) {
        return LocalDateTime.ofInstant(LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC), java.time.ZoneId.systemDefault());
    }
}
