package cn.heatdesk.kernel.datascope;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the SQL condition for a user's data scope. Values are inlined, not bound, so the statement's
 * parameter order is untouched; they are numbers or org paths checked against {@link #PATH} first.
 */
public final class DataScopeCondition {

    /** org paths are materialised ids: /1/12/57/ */
    static final Pattern PATH = Pattern.compile("^/(\\d+/)*$");

    private DataScopeCondition() {
    }

    /** @return the condition, or {@code null} when the user may see everything */
    public static String of(CurrentUser user, String qualifier, DataScoped spec) {
        DataScope scope = user.dataScope() == null ? DataScope.SELF : user.dataScope();
        String q = qualifier.isEmpty() ? "" : qualifier + ".";
        return switch (scope) {
            case ALL -> null;
            case SUBSIDIARY -> user.subsidiaryId() != null
                    ? q + spec.subsidiaryColumn() + " = " + user.subsidiaryId()
                    : underPath(q + spec.orgPathColumn(), user.orgPath());
            case ORG_AND_CHILDREN -> underPath(q + spec.orgPathColumn(), user.orgPath());
            case CUSTOM -> custom(q + spec.orgPathColumn(), user.customOrgPaths());
            case SELF -> spec.creatorColumn().isEmpty() ? "1 = 0" : q + spec.creatorColumn() + " = " + user.userId();
        };
    }

    private static String custom(String column, List<String> paths) {
        if (paths == null || paths.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < paths.size(); i++) {
            if (i > 0) {
                sb.append(" OR ");
            }
            sb.append(underPath(column, paths.get(i)));
        }
        return sb.append(')').toString();
    }

    private static String underPath(String column, String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            // never widen on bad data: an unknown path sees nothing
            return "1 = 0";
        }
        return column + " LIKE '" + path + "%'";
    }
}
