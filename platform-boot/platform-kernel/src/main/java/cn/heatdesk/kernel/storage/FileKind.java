package cn.heatdesk.kernel.storage;

import java.util.Locale;

/** What an uploaded file is, decided from its content (magic bytes), never from its name alone. */
public enum FileKind {
    IMAGE("图片", "jpg/png/webp/heic"),
    VIDEO("视频", "mp4/mov/webm"),
    AUDIO("音频", "mp3/amr/m4a/wav/webm/ogg"),
    DOC("文档", "pdf");

    private final String label;
    private final String formats;

    FileKind(String label, String formats) {
        this.label = label;
        this.formats = formats;
    }

    /** Chinese name for messages, e.g. 图片. */
    public String label() {
        return label;
    }

    /** Accepted formats, e.g. jpg/png/webp/heic. */
    public String formats() {
        return formats;
    }

    /** IMAGE/image/图片 → IMAGE; null or blank → null; anything else → IllegalArgumentException. */
    public static FileKind parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (FileKind k : values()) {
            if (k.name().equalsIgnoreCase(v) || k.label.equals(v)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown file kind " + v.toUpperCase(Locale.ROOT));
    }
}
