package cn.heatdesk.app;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An open server-sent-event stream over real HTTP whose events (name + data) arrive in a queue. */
public final class SseStream implements AutoCloseable {

    public final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    public final HttpResponse<Stream<String>> response;
    private final Thread reader;

    public SseStream(HttpClient http, HttpRequest req) throws IOException, InterruptedException {
        response = http.send(req, HttpResponse.BodyHandlers.ofLines());
        reader = new Thread(() -> {
            String[] event = {null, null};
            try {
                response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        event[1] = line.substring(5).strip();
                    } else if (line.isEmpty() && event[0] != null) {
                        events.add(new String[]{event[0], event[1]});
                        event[0] = null;
                        event[1] = null;
                    } else if (line.startsWith(":")) {
                        events.add(new String[]{"comment", line});
                    }
                });
            } catch (RuntimeException ignored) {
                // closed by the test
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** the next event with this name within the timeout, skipping others; null when none came */
    public String[] next(String name, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String[] e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e[0].equals(name)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
