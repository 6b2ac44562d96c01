package cn.heatdesk.kernel.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Files in a directory tree ({@code heatdesk.storage.local.root}, default {@code ${heatdesk.data-dir}/files}).
 * The key is the relative path, so content-addressed keys ({@code ab/cd/<hash>}) spread the files over 65 536
 * directories. Writes go to {@code <root>/.tmp} first, are flushed to disk and then renamed into place atomically, so
 * a reader (or a crash) never sees half a file. Several instances need the root on a shared file system (NFS) — or
 * S3 storage.
 */
public class LocalFileStorage implements FileStorage {

    public static final String TYPE = "local";
    static final String TMP_DIR = ".tmp";
    private static final Duration STALE_TMP = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(LocalFileStorage.class);

    private final Path root;
    private final Path tmp;

    public LocalFileStorage(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve(TMP_DIR);
        Files.createDirectories(tmp);
        removeStaleTemporaryFiles();
    }

    @Override
    public String type() {
        return TYPE;
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, InputStream in, long size, String contentType) throws IOException {
        Path target = pathOf(key);
        Path part = Files.createTempFile(tmp, "put-", ".part");
        try {
            long written;
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                written = in.transferTo(out);
                ch.force(true);
            }
            if (size >= 0 && written != size) {
                throw new IOException("expected " + size + " bytes for " + key + " but the stream had " + written);
            }
            moveIntoPlace(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public void putFile(String key, Path source, String contentType) throws IOException {
        Path target = pathOf(key);
        try {
            try (FileChannel ch = FileChannel.open(source, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                moveIntoPlace(source, target);
            } catch (AtomicMoveNotSupportedException otherFileSystem) {
                // the upload was spooled on another file system: copy next to the store, then rename atomically
                Path part = Files.createTempFile(tmp, "put-", ".part");
                try {
                    Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
                    try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    moveIntoPlace(part, target);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
        } finally {
            Files.deleteIfExists(source);
        }
    }

    private static void moveIntoPlace(Path from, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        // rename(2) replaces an existing target atomically; objects are content-addressed, so it is the same content
        Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(existing(key));
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        SeekableByteChannel ch = Files.newByteChannel(existing(key), StandardOpenOption.READ);
        try {
            ch.position(offset);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new BoundedInputStream(Channels.newInputStream(ch), length);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public String describe() {
        return "本地目录 / local directory " + root;
    }

    Path pathOf(String key) {
        Path p = root.resolve(FileStorage.checkKey(key)).normalize();
        if (!p.startsWith(root) || p.startsWith(tmp)) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        return p;
    }

    private Path existing(String key) throws NoSuchFileException {
        Path p = pathOf(key);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(key);
        }
        return p;
    }

    /** Leftovers of writes interrupted by a crash; a day old is safely not in flight on any instance. */
    private void removeStaleTemporaryFiles() {
        FileTime limit = FileTime.from(Instant.now().minus(STALE_TMP));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "*.part")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).compareTo(limit) < 0) {
                    Files.deleteIfExists(f);
                    log.info("removed stale temporary upload {}", f);
                }
            }
        } catch (IOException e) {
            log.warn("cannot clean temporary uploads in {}: {}", tmp, e.toString());
        }
    }

    @Override
    public String toString() {
        return "LocalFileStorage[" + root + "]";
    }
}
