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

    private SubsidiaryRouting() {
    }

    public static Long currentSubsidiary() {
        Long explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        return SecurityContext.current().map(CurrentUser::subsidiaryId).orElse(null);
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
