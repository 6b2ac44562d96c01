package cn.heatdesk.repair.mobile.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/** {@code heatdesk.repair.media.*}: resumable field uploads (docs/mobile-media.md). */
@ConfigurationProperties(prefix = "heatdesk.repair.media")
public class MediaProperties {

    /** largest chunk of one PUT; the app sends this size */
    private DataSize chunkSize = DataSize.ofMegabytes(1);
    /** an incomplete upload untouched this long is deleted with its temporary file */
    private Duration uploadExpiry = Duration.ofHours(24);
    private final Limits limits = new Limits();

    public DataSize getChunkSize() { return chunkSize; }
    public void setChunkSize(DataSize chunkSize) { this.chunkSize = chunkSize; }
    public Duration getUploadExpiry() { return uploadExpiry; }
    public void setUploadExpiry(Duration uploadExpiry) { this.uploadExpiry = uploadExpiry; }
    public Limits getLimits() { return limits; }

    /** largest file per kind (the kernel's own limits per file kind apply as well) */
    public static class Limits {
        private DataSize photo = DataSize.ofMegabytes(20);
        private DataSize video = DataSize.ofMegabytes(200);
        private DataSize audio = DataSize.ofMegabytes(20);
        private DataSize signature = DataSize.ofMegabytes(2);

        public DataSize of(MediaKind kind) {
            return switch (kind) {
                case PHOTO -> photo;
                case VIDEO -> video;
                case AUDIO -> audio;
                case SIGNATURE -> signature;
            };
        }

        public DataSize getPhoto() { return photo; }
        public void setPhoto(DataSize photo) { this.photo = photo; }
        public DataSize getVideo() { return video; }
        public void setVideo(DataSize video) { this.video = video; }
        public DataSize getAudio() { return audio; }
        public void setAudio(DataSize audio) { this.audio = audio; }
        public DataSize getSignature() { return signature; }
        public void setSignature(DataSize signature) { this.signature = signature; }
    }
}
