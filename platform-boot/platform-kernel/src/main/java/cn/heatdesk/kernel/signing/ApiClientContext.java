package cn.heatdesk.kernel.signing;

import java.util.Optional;

/**
 * The verified caller of the current /api/open/** request, set by {@link ApiSignatureFilter} for the duration of
 * the request (also available as request attribute {@link #REQUEST_ATTRIBUTE}).
 */
public final class ApiClientContext {

    public static final String REQUEST_ATTRIBUTE = "heatdesk.apiClient";
    private static final ThreadLocal<ApiClient> CURRENT = new ThreadLocal<>();

    private ApiClientContext() {
    }

    public static Optional<ApiClient> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The caller, or an exception when the request did not pass signature verification (a wiring error). */
    public static ApiClient require() {
        ApiClient c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no verified API client on this thread; is the path under /api/open/?");
        }
        return c;
    }

    static void set(ApiClient client) {
        CURRENT.set(client);
    }

    static void clear() {
        CURRENT.remove();
    }
}
