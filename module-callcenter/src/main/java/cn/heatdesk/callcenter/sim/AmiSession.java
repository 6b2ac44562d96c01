package cn.heatdesk.callcenter.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI client connection. Responses and events share one outbound queue so a response is always written
 * before the events its action caused, as in the fixtures; a writer thread keeps a slow client from blocking
 * the simulator.
 */
final class AmiSession {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);
    private static final byte[] POISON = new byte[0];
    static final Set<String> ALL_CLASSES = Set.of("system", "call", "log", "verbose", "command", "agent", "user",
            "config", "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test", "security",
            "message");

    final AsteriskSimulator sim;
    private final AmiServer server;
    final Socket socket;
    private final LinkedBlockingQueue<byte[]> out = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    volatile boolean authenticated;
    volatile String username;
    volatile String challenge;
    /** event classes this client asked for (Login Events / Action Events); empty = no events */
    volatile Set<String> eventClasses = new HashSet<>(ALL_CLASSES);
    final String sessionId = "0x" + Long.toHexString(0x7f0000000000L + (long) (Math.random() * 0xffffffffL));

    AmiSession(AsteriskSimulator sim, AmiServer server, Socket socket) {
        this.sim = sim;
        this.server = server;
        this.socket = socket;
    }

    void start() {
        Thread reader = new Thread(this::readLoop, "asterisk-sim-ami-read-" + socket.getPort());
        Thread writer = new Thread(this::writeLoop, "asterisk-sim-ami-write-" + socket.getPort());
        reader.setDaemon(true);
        writer.setDaemon(true);
        sendRaw(("Asterisk Call Manager/11.0.0\r\n").getBytes(StandardCharsets.UTF_8));
        writer.start();
        reader.start();
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!lines.isEmpty()) {
                        AmiMessage action = AmiMessage.parse(lines);
                        lines = new ArrayList<>();
                        sim.actions().handle(this, action);
                    }
                } else {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            log.trace("AMI client gone: {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("AMI session failed", e);
        } finally {
            close();
        }
    }

    private void writeLoop() {
        try {
            OutputStream os = socket.getOutputStream();
            while (true) {
                byte[] b = out.take();
                if (b == POISON) {
                    break;
                }
                os.write(b);
                if (out.isEmpty()) {
                    os.flush();
                }
            }
            os.flush();
        } catch (IOException e) {
            log.trace("AMI write failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    void send(AmiMessage m) {
        sendRaw(m.toBytes());
    }

    private void sendRaw(byte[] b) {
        if (!closed.get() && !closing) {
            out.add(b);
        }
    }

    /** events pass when logged in and the event's class (first Privilege token) was requested */
    void offerEvent(AmiMessage event, String eventClass) {
        if (authenticated && eventClasses.contains(eventClass)) {
            send(event);
        }
    }

    /** Logoff: the goodbye is written, then the writer closes the socket */
    void closeAfterFlush() {
        closing = true;
        out.add(POISON);
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            out.clear();
            out.add(POISON);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
            server.removed(this);
        }
    }

    boolean isClosed() {
        return closed.get();
    }
}
