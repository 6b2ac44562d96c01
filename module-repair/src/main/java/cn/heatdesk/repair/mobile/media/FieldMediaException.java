package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;

import java.util.Map;

/**
 * A refusal with a contract code of the mobile API ({@link #reason()}: MEDIA_NOT_FOUND, SIGNATURE_EXISTS,
 * OFFSET_MISMATCH, HASH_MISMATCH) that the kernel's {@link ErrorCode} does not have: the kernel keeps no module
 * codes, so the HTTP status comes from a generic code and the specific one travels as {@code reason} (in
 * {@code data.reason}, and as the envelope code on the /api/mobile/media endpoints). Sync command handlers record
 * {@code reason()} as the rejection code.
 */
public class FieldMediaException extends BizException {

    public static final String MEDIA_NOT_FOUND = "MEDIA_NOT_FOUND";
    public static final String SIGNATURE_EXISTS = "SIGNATURE_EXISTS";
    public static final String OFFSET_MISMATCH = "OFFSET_MISMATCH";
    public static final String HASH_MISMATCH = "HASH_MISMATCH";

    private final String reason;

    public FieldMediaException(String reason, ErrorCode code, String message, String field) {
        super(code, message, field, Map.of("reason", reason));
        this.reason = reason;
    }

    public String reason() { return reason; }

    static FieldMediaException mediaNotFound(String hash) {
        return new FieldMediaException(MEDIA_NOT_FOUND, ErrorCode.NOT_FOUND,
                "附件尚未上传完成（SM3 " + abbreviate(hash) + "），请先上传文件再提交", "contentHash");
    }

    static String abbreviate(String hash) {
        return hash == null ? "" : hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
