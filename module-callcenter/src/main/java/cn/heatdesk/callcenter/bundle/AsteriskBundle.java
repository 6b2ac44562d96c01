package cn.heatdesk.callcenter.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The rendered configuration of one gateway: file name → content (UTF-8, LF), in installation order, plus the
 * placeholders IT still has to fill and warnings about data left out.
 */
public record AsteriskBundle(String gatewayCode, Map<String, String> files, List<String> placeholders,
                             List<String> warnings) {

    public String zipName() {
        return "asterisk-" + gatewayCode + ".zip";
    }

    public byte[] bytes(String file) {
        String s = files.get(file);
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** the files flat in one zip (IT copies the *.conf to /etc/asterisk) */
    public byte[] zip() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }
}
