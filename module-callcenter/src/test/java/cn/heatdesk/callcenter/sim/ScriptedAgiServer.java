package cn.heatdesk.callcenter.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw FastAGI server for tests: for each connection it reads the agi_* environment and then sends the
 * commands the fixture's script sent (chosen by agi_network_script and agi_callerid), recording what the
 * simulator answered. One accept thread, one thread per session.
 */
final class ScriptedAgiServer implements AutoCloseable {

    record Session(String script, List<String> environment, List<String> commands, List<String> replies) {
    }

    private final ServerSocket server;
    /** key "script|callerid" or "script" → commands */
    private final Map<String, List<String>> scripts = new ConcurrentHashMap<>();
    final List<Session> sessions = new CopyOnWriteArrayList<>();

    ScriptedAgiServer() throws IOException {
        server = new ServerSocket(0);
        Thread t = new Thread(this::accept, "scripted-agi");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    ScriptedAgiServer script(String name, String callerId, List<String> commands) {
        scripts.put(name + "|" + callerId, commands);
        return this;
    }

    ScriptedAgiServer script(String name, List<String> commands) {
        scripts.put(name, commands);
        return this;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "scripted-agi-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.UTF_8))) {
            OutputStream out = s.getOutputStream();
            List<String> env = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                env.add(line);
            }
            String script = value(env, "agi_network_script");
            String name = script.contains("?") ? script.substring(0, script.indexOf('?')) : script;
            List<String> cmds = scripts.getOrDefault(name + "|" + value(env, "agi_callerid"),
                    scripts.getOrDefault(name, List.of()));
            List<String> replies = new ArrayList<>();
            Session session = new Session(script, env, cmds, replies);
            for (String cmd : cmds) {
                out.write((cmd + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = in.readLine();
                if (reply == null) {
                    break;
                }
                replies.add(reply);
            }
            sessions.add(session);
        } catch (IOException e) {
            // session over
        }
    }

    static String value(List<String> env, String key) {
        for (String l : env) {
            if (l.startsWith(key + ": ")) {
                return l.substring(key.length() + 2);
            }
            if (l.equals(key + ":")) {
                return "";
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
