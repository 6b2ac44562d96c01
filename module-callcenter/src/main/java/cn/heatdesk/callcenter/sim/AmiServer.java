package cn.heatdesk.callcenter.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The AMI TCP listener: one accept thread, one reader and one writer thread per client. */
final class AmiServer {

    private static final Logger log = LoggerFactory.getLogger(AmiServer.class);

    private final AsteriskSimulator sim;
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptThread;
    private volatile int port;

    AmiServer(AsteriskSimulator sim) {
        this.sim = sim;
    }

    synchronized void open(String bind, int wantedPort) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getByName(bind), wantedPort), 50);
        serverSocket = ss;
        port = ss.getLocalPort();
        Thread t = new Thread(() -> acceptLoop(ss), "asterisk-sim-ami-accept-" + port);
        t.setDaemon(true);
        acceptThread = t;
        t.start();
    }

    int port() {
        return port;
    }

    boolean listening() {
        ServerSocket ss = serverSocket;
        return ss != null && !ss.isClosed();
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                s.setTcpNoDelay(true);
                AmiSession session = new AmiSession(sim, this, s);
                sessions.add(session);
                session.start();
            } catch (IOException e) {
                if (!ss.isClosed()) {
                    log.debug("AMI accept failed: {}", e.toString());
                }
            }
        }
    }

    List<AmiSession> sessions() {
        return sessions;
    }

    void removed(AmiSession s) {
        sessions.remove(s);
    }

    /** closes every client socket without a goodbye, as a crash or {@code core restart now} does */
    void dropAll() {
        for (AmiSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    synchronized void closeListener() {
        ServerSocket ss = serverSocket;
        serverSocket = null;
        if (ss != null) {
            try {
                ss.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        Thread t = acceptThread;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
