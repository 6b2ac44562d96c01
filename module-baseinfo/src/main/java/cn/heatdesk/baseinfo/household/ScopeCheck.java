package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The data-scope rule of {@code DataScopeCondition} evaluated in Java on rows already loaded through an unscoped
 * lookup. The screen pop reads by blind index and primary key without SQL rewriting (agents have ALL scope, and
 * the path must stay a handful of indexed queries); narrower users still see only their part of the group.
 * Same semantics as the SQL condition: no user = the system = everything; bad paths see nothing.
 */
public final class ScopeCheck {

    private static final Pattern PATH = Pattern.compile("^/(\\d+/)*$");

    private ScopeCheck() {
    }

    public static boolean visible(CurrentUser user, Long subsidiaryId, String orgPath, Long createdBy) {
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
            case SELF -> createdBy != null && createdBy == user.userId();
        };
    }

    private static boolean anyUnder(String orgPath, List<String> paths) {
        return paths != null && paths.stream().anyMatch(p -> under(orgPath, p));
    }

    private static boolean under(String orgPath, String userPath) {
        return userPath != null && PATH.matcher(userPath).matches() && orgPath != null && orgPath.startsWith(userPath);
    }
}
