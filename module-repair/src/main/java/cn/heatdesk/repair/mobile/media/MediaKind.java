package cn.heatdesk.repair.mobile.media;

/** What a field upload is; SIGNATURE is the customer's handwritten stroke image (PNG). */
public enum MediaKind {
    PHOTO("照片"), VIDEO("视频"), AUDIO("录音"), SIGNATURE("电子签名");

    private final String label;

    MediaKind(String label) { this.label = label; }

    public String label() { return label; }
}
