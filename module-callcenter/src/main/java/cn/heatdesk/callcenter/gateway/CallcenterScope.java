package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The kernel's data-scope rule evaluated in Java, for writes that create rows (a gateway for a station, an agent for
 * a user) where no scoped SELECT can decide. Same semantics as the SQL condition: no user = the system = everything,
 * malformed paths see nothing.
 */
public final class CallcenterScope {

    private static final Pattern PATH = Pattern.compile("^/(\\d+/)*$");

    private CallcenterScope() {
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

    /** group users (scope ALL) or the system */
    public static boolean isGroup(CurrentUser user) {
        return user == null || user.dataScope() == DataScope.ALL;
    }

    /** LIKE pattern "contains s" with ! as the escape character (use with {@code ESCAPE '!'}); null for blank */
    public static String likeContains(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return "%" + s.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean anyUnder(String orgPath, List<String> paths) {
        return paths != null && paths.stream().anyMatch(p -> under(orgPath, p));
    }

    private static boolean under(String orgPath, String userPath) {
        return userPath != null && PATH.matcher(userPath).matches() && orgPath != null && orgPath.startsWith(userPath);
    }
}
