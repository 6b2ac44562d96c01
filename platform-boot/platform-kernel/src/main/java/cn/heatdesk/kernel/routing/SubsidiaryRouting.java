package cn.heatdesk.kernel.routing;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;

import java.util.function.Supplier;

/**
 * Which subsidiary's database the current work belongs to. Today every subsidiary lives in the default
 * database; the seam exists so that a subsidiary can move to its own database (按分公司分库) by configuration.
 * An explicit {@link #callFor} wins over the signed-in user's subsidiary.
 */
public final class SubsidiaryRouting {

    private static final ThreadLocal<Long> EXPLICIT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> SHARED = new ThreadLocal<>();

    /** Work whose checked exceptions pass through {@link #callShared}. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Throwable;
    }

    private SubsidiaryRouting() {
    }

    /** @return the subsidiary whose database to use, or null for the shared database */
    public static Long currentSubsidiary() {
        if (Boolean.TRUE.equals(SHARED.get())) {
            return null;
        }
        Long explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        return SecurityContext.current().map(CurrentUser::subsidiaryId).orElse(null);
    }

    /** Runs {@code work} against the shared database (group-wide data), whoever is signed in. */
    public static <T> T callShared(Work<T> work) throws Throwable {
        Boolean previous = SHARED.get();
        SHARED.set(Boolean.TRUE);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                SHARED.remove();
            } else {
                SHARED.set(previous);
            }
        }
    }

    public static <T> T callFor(long subsidiaryId, Supplier<T> work) {
        Long previous = EXPLICIT.get();
        EXPLICIT.set(subsidiaryId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }
}
