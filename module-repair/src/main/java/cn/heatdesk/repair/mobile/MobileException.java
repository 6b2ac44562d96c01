package cn.heatdesk.repair.mobile;

/**
 * A refusal of the field app's protocol with its own machine-readable code (DEVICE_NOT_BOUND, TICKET_REASSIGNED,
 * APPROVAL_PENDING …) that the kernel's {@code ErrorCode} does not list. Rendered by {@link MobileExceptionHandler}
 * in the normal envelope; inside a pushed command it becomes a REJECTED result with this code.
 */
public class MobileException extends RuntimeException {

    private final String code;
    private final int status;
    private final String field;

    public MobileException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** a command refused for a business reason (HTTP 409 if it ever reaches a response of its own) */
    public static MobileException refuse(String code, String message) {
        return new MobileException(409, code, message, null);
    }

    public String code() { return code; }

    public int status() { return status; }

    public String field() { return field; }
}
