package cn.heatdesk.callcenter.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the fixture copies in src/test/resources/asterisk (exact bytes of the real Asterisk 22 transcripts). */
final class Fixture {

    private Fixture() {
    }

    static String text(String name) {
        try (InputStream in = Fixture.class.getResourceAsStream("/asterisk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** messages of an rx.raw (banner and "### connection" markers dropped) */
    static List<AmiMessage> rx(String scenario) {
        return parse(text(scenario + ".rx.raw"));
    }

    /** the client's actions of a tx.raw, in order */
    static List<AmiMessage> tx(String scenario) {
        return parse(text(scenario + ".tx.raw"));
    }

    static List<AmiMessage> parse(String raw) {
        // the recorder marks a reconnect with an LF-terminated "### connection #N" line (fixture j)
        raw = raw.replaceAll("\\n?### connection[^\\n]*\\n", "\r\n");
        List<AmiMessage> out = new ArrayList<>();
        for (String block : raw.split("\r\n\r\n")) {
            List<String> lines = new ArrayList<>();
            for (String l : block.split("\r\n")) {
                if (l.isEmpty() || l.startsWith("Asterisk Call Manager/") || l.startsWith("### connection")) {
                    continue;
                }
                lines.add(l);
            }
            if (!lines.isEmpty()) {
                out.add(AmiMessage.parse(lines));
            }
        }
        return out;
    }

    /** the FastAGI commands the fixture's script sent ({@code >>} lines of agi/X.agi.txt) */
    static List<String> agiCommands(String file) {
        return lines(file, "] >> ");
    }

    /** what Asterisk sent ({@code <<} lines): the environment, blank line, then replies */
    static List<String> agiAsteriskLines(String file) {
        return lines(file, "] << ");
    }

    private static List<String> lines(String file, String marker) {
        List<String> out = new ArrayList<>();
        for (String l : Arrays.asList(text("agi/" + file).split("\n"))) {
            int i = l.indexOf(marker);
            if (i > 0) {
                out.add(l.substring(i + marker.length()));
            }
        }
        return out;
    }
}
