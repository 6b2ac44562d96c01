package cn.heatdesk.baseinfo.sync;

/**
 * A call to an external system failed: unreachable, timed out, an HTTP error status or an answer that breaks the
 * contract. The message is Chinese and ends up on the cursor card of the console.
 */
public class IntegrationCallException extends RuntimeException {

    private final int status;

    public IntegrationCallException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public IntegrationCallException(String message) {
        this(message, 0, null);
    }

    /** HTTP status of the answer, 0 when there was none */
    public int status() {
        return status;
    }
}
