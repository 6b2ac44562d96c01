package cn.heatdesk.callcenter.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The simulator carries no audio, but a recording must exist for the console's player: MixMonitor's file is written as
 * a valid 8 kHz 16-bit mono WAV (a quiet 440 Hz tone, so a listener hears that it plays) of the recorded length, under
 * the configured directory by the base name Asterisk would use.
 */
final class SimRecordings {

    private static final Logger log = LoggerFactory.getLogger(SimRecordings.class);
    private static final int RATE = 8000;
    /** long calls are capped: the file stands in for audio, it does not need to be big */
    private static final long MAX_SECONDS = 600;

    private SimRecordings() {
    }

    static void write(Path dir, String asteriskPath, Duration length) {
        if (dir == null || asteriskPath == null) {
            return;
        }
        String name = asteriskPath.substring(asteriskPath.lastIndexOf('/') + 1);
        long samples = Math.max(RATE / 2, Math.min(MAX_SECONDS, Math.max(0, length.toSeconds())) * RATE
                + length.toMillisPart() * (RATE / 1000L));
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(header(samples));
                byte[] chunk = new byte[RATE * 2];
                long written = 0;
                while (written < samples) {
                    int n = (int) Math.min(RATE, samples - written);
                    ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) {
                        b.putShort((short) (1200 * Math.sin(2 * Math.PI * 440 * (written + i) / RATE)));
                    }
                    out.write(chunk, 0, n * 2);
                    written += n;
                }
            }
            Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("simulated recording {} not written: {}", name, e.toString());
        }
    }

    static byte[] header(long samples) {
        long data = samples * 2;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[]{'R', 'I', 'F', 'F'}).putInt((int) (36 + data)).put(new byte[]{'W', 'A', 'V', 'E'});
        h.put(new byte[]{'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE)
                .putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
        h.put(new byte[]{'d', 'a', 't', 'a'}).putInt((int) data);
        return h.array();
    }
}
