package cn.heatdesk.callcenter.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A raw AMI client over TCP that keeps every received byte, to compare framing and order with the fixtures. */
final class AmiTestClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final List<AmiMessage> messages = new ArrayList<>();
    private final Thread reader;
    private volatile boolean eof;
    private int parsedUpTo;
    private String banner;

    AmiTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        reader = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (this) {
                        raw.write(buf, 0, n);
                        parse();
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // socket closed
            }
            synchronized (this) {
                eof = true;
                notifyAll();
            }
        }, "ami-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void parse() {
        String s = raw.toString(StandardCharsets.UTF_8);
        if (banner == null) {
            int i = s.indexOf("\r\n");
            if (i < 0) {
                return;
            }
            banner = s.substring(0, i);
            parsedUpTo = i + 2;
        }
        while (true) {
            int end = s.indexOf("\r\n\r\n", parsedUpTo);
            if (end < 0) {
                return;
            }
            String block = s.substring(parsedUpTo, end);
            parsedUpTo = end + 4;
            messages.add(AmiMessage.parse(List.of(block.split("\r\n"))));
        }
    }

    void send(AmiMessage action) throws IOException {
        out.write(action.toBytes());
        out.flush();
    }

    void sendRaw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** waits for the first message at index >= from matching p; returns its index or fails */
    synchronized int await(int from, Predicate<AmiMessage> p, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (true) {
            for (int i = from; i < messages.size(); i++) {
                if (p.test(messages.get(i))) {
                    return i;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || eof) {
                throw new AssertionError("no matching AMI message within " + timeout + "; got " + messages.size()
                        + " messages, eof=" + eof);
            }
            wait(left);
        }
    }

    int await(Predicate<AmiMessage> p, Duration timeout) throws InterruptedException {
        return await(0, p, timeout);
    }

    /** sends the action and waits for its response (and the list-complete event of list actions) */
    AmiMessage call(AmiMessage action, Duration timeout) throws IOException, InterruptedException {
        String id = action.get("ActionID");
        send(action);
        int i = await(m -> !m.isEvent() && id.equals(m.get("ActionID")), timeout);
        AmiMessage r = messages().get(i);
        if ("start".equals(r.get("EventList"))) {
            await(i, m -> m.isEvent() && id.equals(m.get("ActionID")) && "Complete".equals(m.get("EventList")),
                    timeout);
        }
        return r;
    }

    synchronized boolean awaitEof(Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (!eof) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized List<AmiMessage> messages() {
        return new ArrayList<>(messages);
    }

    synchronized String rawText() {
        return raw.toString(StandardCharsets.UTF_8);
    }

    synchronized String banner() {
        return banner;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
