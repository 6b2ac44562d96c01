package cn.heatdesk.kernel.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the bytes of uploaded files live: an object store addressed by opaque keys such as
 * {@code ab/cd/abcd…} (see {@link FileService#storageKey}). Implementations: {@link LocalFileStorage} (default)
 * and {@link S3FileStorage}, chosen by {@code heatdesk.storage.type}. Objects are immutable: a key is written once
 * with its final content and never partially visible.
 *
 * <p>Keys are relative, use only {@code [A-Za-z0-9._-]} and '/', and never contain "..".
 */
public interface FileStorage {

    /** "local" or "s3"; recorded per stored file. */
    String type();

    /**
     * Stores {@code size} bytes from {@code in} under {@code key} (replacing an existing object with the same key).
     * A short or long stream is an {@link IOException} and leaves nothing behind.
     *
     * @param size the exact length, or -1 when unknown
     */
    void put(String key, InputStream in, long size, String contentType) throws IOException;

    /**
     * Stores the file at {@code source} under {@code key}. The file is consumed: it may be moved into the store, and
     * is gone afterwards in any case.
     */
    default void putFile(String key, Path source, String contentType) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            put(key, in, Files.size(source), contentType);
        } finally {
            Files.deleteIfExists(source);
        }
    }

    /** The whole object; {@link NoSuchFileException} when there is none. The caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** {@code length} bytes from {@code offset} (for HTTP range requests); the caller closes the stream. */
    default InputStream open(String key, long offset, long length) throws IOException {
        InputStream in = open(key);
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BoundedInputStream(in, length);
    }

    boolean exists(String key) throws IOException;

    /** Deletes the object; nothing happens when there is none. */
    void delete(String key) throws IOException;

    /** Where the files go, for logs and diagnostics (never includes secrets). */
    String describe();

    /** Rejects keys that could escape the store or need escaping on a file system. */
    static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 512 || !key.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")
                || key.contains("..") || key.startsWith(".")) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        return key;
    }

    /** A view of at most {@code limit} bytes of another stream. */
    final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        public BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
