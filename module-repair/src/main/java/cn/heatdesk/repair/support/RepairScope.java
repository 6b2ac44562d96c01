package cn.heatdesk.repair.support;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The data-scope rule of the kernel's SQL condition evaluated in Java, for writes that create rows (a new worker
 * profile) where no scoped SELECT can decide: may the current user act on an org? Same semantics: no user = the
 * system = everything; malformed paths see nothing.
 */
public final class RepairScope {

    private static final Pattern PATH = Pattern.compile("^/(\\d+/)*$");

    private RepairScope() {
    }

    public static boolean covers(CurrentUser user, Long subsidiaryId, String orgPath) {
        if (user == null) {
            return true;
        }
        DataScope scope = user.dataScope() == null ? DataScope.SELF : user.dataScope();
        return switch (scope) {
            case ALL -> true;
            case SUBSIDIARY -> user.subsidiaryId() != null
                    ? user.subsidiaryId().equals(subsidiaryId)
                    : under(orgPath, user.orgPath());
            case ORG_AND_CHILDREN -> under(orgPath, user.orgPath());
            case CUSTOM -> anyUnder(orgPath, user.customOrgPaths());
            case SELF -> false;
        };
    }

    private static boolean anyUnder(String orgPath, List<String> paths) {
        return paths != null && paths.stream().anyMatch(p -> under(orgPath, p));
    }

    private static boolean under(String orgPath, String userPath) {
        return userPath != null && PATH.matcher(userPath).matches() && orgPath != null && orgPath.startsWith(userPath);
    }
}
