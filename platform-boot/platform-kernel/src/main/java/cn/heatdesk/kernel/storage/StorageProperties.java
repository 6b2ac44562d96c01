package cn.heatdesk.kernel.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code heatdesk.storage.*}: where uploaded files go and how large they may be. See docs/storage.md.
 */
@ConfigurationProperties(prefix = "heatdesk.storage")
public class StorageProperties {

    /** local (default) or s3 */
    private String type = LocalFileStorage.TYPE;
    /** where uploads are spooled while they are hashed and checked; default ${heatdesk.data-dir}/tmp/uploads */
    private String tempDir;
    private final Local local = new Local();
    private final S3 s3 = new S3();
    private final Limits limits = new Limits();

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getTempDir() { return tempDir; }
    public void setTempDir(String tempDir) { this.tempDir = tempDir; }
    public Local getLocal() { return local; }
    public S3 getS3() { return s3; }
    public Limits getLimits() { return limits; }

    public static class Local {
        /** root directory of the files; default ${heatdesk.data-dir}/files */
        private String root;

        public String getRoot() { return root; }
        public void setRoot(String root) { this.root = root; }
    }

    /** An S3-compatible object store reached with path-style URLs (endpoint/bucket/key), e.g. MinIO. */
    public static class S3 {
        /** e.g. http://10.1.2.3:9000 (scheme, host, port; no bucket) */
        private String endpoint;
        /** signing region; MinIO accepts us-east-1 unless configured otherwise */
        private String region = "us-east-1";
        private String bucket;
        private String accessKey;
        /** plain text; supply it through an environment variable (HEATDESK_STORAGE_S3_SECRET_KEY) in production */
        private String secretKey;
        /** optional prefix of every object key, e.g. heatdesk/ */
        private String keyPrefix = "";
        /** create the bucket at start-up when it does not exist (needs the s3:CreateBucket right) */
        private boolean createBucket = false;
        private Duration connectTimeout = Duration.ofSeconds(5);
        /** until the response headers arrive; a 200 MB video upload must fit in it */
        private Duration requestTimeout = Duration.ofMinutes(10);

        public String getEndpoint() { return endpoint; }
        public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
        public String getRegion() { return region; }
        public void setRegion(String region) { this.region = region; }
        public String getBucket() { return bucket; }
        public void setBucket(String bucket) { this.bucket = bucket; }
        public String getAccessKey() { return accessKey; }
        public void setAccessKey(String accessKey) { this.accessKey = accessKey; }
        public String getSecretKey() { return secretKey; }
        public void setSecretKey(String secretKey) { this.secretKey = secretKey; }
        public String getKeyPrefix() { return keyPrefix; }
        public void setKeyPrefix(String keyPrefix) { this.keyPrefix = keyPrefix; }
        public boolean isCreateBucket() { return createBucket; }
        public void setCreateBucket(boolean createBucket) { this.createBucket = createBucket; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getRequestTimeout() { return requestTimeout; }
        public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    }

    /** Largest accepted file per kind (the servlet's spring.servlet.multipart.max-file-size caps all of them). */
    public static class Limits {
        private DataSize image = DataSize.ofMegabytes(20);
        private DataSize video = DataSize.ofMegabytes(200);
        private DataSize audio = DataSize.ofMegabytes(50);
        private DataSize doc = DataSize.ofMegabytes(20);

        public DataSize of(FileKind kind) {
            return switch (kind) {
                case IMAGE -> image;
                case VIDEO -> video;
                case AUDIO -> audio;
                case DOC -> doc;
            };
        }

        public DataSize largest() {
            DataSize max = image;
            for (DataSize d : new DataSize[]{video, audio, doc}) {
                if (d.compareTo(max) > 0) {
                    max = d;
                }
            }
            return max;
        }

        public DataSize getImage() { return image; }
        public void setImage(DataSize image) { this.image = image; }
        public DataSize getVideo() { return video; }
        public void setVideo(DataSize video) { this.video = video; }
        public DataSize getAudio() { return audio; }
        public void setAudio(DataSize audio) { this.audio = audio; }
        public DataSize getDoc() { return doc; }
        public void setDoc(DataSize doc) { this.doc = doc; }
    }
}
