package cn.heatdesk.kernel.storage;

import cn.heatdesk.kernel.config.HeatDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Locale;

/** The {@link FileStorage} chosen by {@code heatdesk.storage.type} (local | s3). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    public FileStorage fileStorage(StorageProperties storage, HeatDeskProperties heatdesk) throws IOException {
        String type = storage.getType() == null ? LocalFileStorage.TYPE : storage.getType().strip().toLowerCase(Locale.ROOT);
        switch (type) {
            case LocalFileStorage.TYPE -> {
                String root = storage.getLocal().getRoot();
                LocalFileStorage local = new LocalFileStorage(root == null || root.isBlank()
                        ? Paths.get(heatdesk.getDataDir(), "files") : Paths.get(root.strip()));
                log.info("file storage: {}", local.describe());
                return local;
            }
            case S3FileStorage.TYPE -> {
                S3FileStorage s3 = new S3FileStorage(storage.getS3(), tempDir(storage, heatdesk), Clock.systemUTC());
                s3.checkBucket(storage.getS3().isCreateBucket());
                return s3;
            }
            default -> throw new IllegalStateException("heatdesk.storage.type 只能是 local 或 s3 / must be local or s3, not " + type);
        }
    }

    /** Where uploads are spooled while being hashed: heatdesk.storage.temp-dir, else ${data-dir}/tmp/uploads. */
    static Path tempDir(StorageProperties storage, HeatDeskProperties heatdesk) {
        String dir = storage.getTempDir();
        return (dir == null || dir.isBlank() ? Paths.get(heatdesk.getDataDir(), "tmp", "uploads") : Paths.get(dir.strip()))
                .toAbsolutePath().normalize();
    }
}
