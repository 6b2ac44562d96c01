package cn.heatdesk.callcenter.call;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recordings on a local (or mounted) file system: each gateway's Asterisk monitor directory is mirrored under
 * {@code heatdesk.callcenter.recording-root}/&lt;gateway id&gt;/ (rsync / NFS / SMB, see docs/call-records.md). Only
 * the file name of Asterisk's path is used, so nothing outside the root can ever be served. A store for
 * per-gateway roots replaces this bean by being {@code @Primary}.
 */
@Component
public class LocalRecordingStore implements RecordingStore {

    private final Path root;

    public LocalRecordingStore(@Value("${heatdesk.callcenter.recording-root:${heatdesk.data-dir:./data}/recordings}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<Path> resolve(long gatewayId, String asteriskPath) {
        if (asteriskPath == null || asteriskPath.isBlank()) {
            return Optional.empty();
        }
        String name = asteriskPath.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        for (Path candidate : new Path[]{root.resolve(String.valueOf(gatewayId)).resolve(name), root.resolve(name)}) {
            Path p = candidate.normalize();
            if (p.startsWith(root) && Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
