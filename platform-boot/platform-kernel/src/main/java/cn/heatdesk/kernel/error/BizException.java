package cn.heatdesk.kernel.error;

/**
 * A business error with a code, a Chinese message for the user and, for input errors, the field it concerns.
 * Thrown inside a transaction it rolls the transaction back, so nothing is half-written.
 */
public class BizException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final transient Object data;

    public BizException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public BizException(ErrorCode code, String message, String field) {
        this(code, message, field, null);
    }

    public BizException(ErrorCode code, String message, String field, Object data) {
        super(message == null ? code.defaultMessage() : message);
        this.code = code;
        this.field = field;
        this.data = data;
    }

    /** A validation error naming the field. */
    public static BizException invalid(String field, String message) {
        return new BizException(ErrorCode.VALIDATION, message, field);
    }

    public static BizException notFound(String what) {
        return new BizException(ErrorCode.NOT_FOUND, what + "不存在");
    }

    public static BizException forbidden(String message) {
        return new BizException(ErrorCode.FORBIDDEN, message);
    }

    public static BizException conflict(String message) {
        return new BizException(ErrorCode.CONFLICT, message);
    }

    public ErrorCode code() { return code; }
    public String field() { return field; }
    public Object data() { return data; }
}
