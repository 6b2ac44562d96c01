package cn.heatdesk.callcenter.voicemail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The playing time of a RIFF/WAVE file from its header (byte rate and data chunk size): Record() writes the message in
 * the format its file name says, wav on HeatDesk's gateways. Null for anything that is not a readable WAV.
 */
final class WavLength {

    private WavLength() {
    }

    static Long millis(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            return millis(head, Files.size(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code head}: the first bytes of the file; {@code size}: its whole length (a data size of 0 = still growing) */
    static Long millis(byte[] head, long size) {
        if (head.length < 12 || !ascii(head, 0).equals("RIFF") || !ascii(head, 8).equals("WAVE")) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        long byteRate = 0;
        int pos = 12;
        while (pos + 8 <= head.length) {
            String id = ascii(head, pos);
            long len = b.getInt(pos + 4) & 0xffffffffL;
            if (id.equals("fmt ") && pos + 16 <= head.length) {
                byteRate = b.getInt(pos + 8 + 8) & 0xffffffffL;
            } else if (id.equals("data")) {
                if (byteRate <= 0) {
                    return null;
                }
                long available = Math.max(0, size - (pos + 8));
                long data = len == 0 || len > available ? available : len;
                return data * 1000 / byteRate;
            }
            pos += 8 + (int) Math.min(len + (len & 1), Integer.MAX_VALUE - pos - 8);
        }
        return null;
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
