package cn.heatdesk.monitor.approval;

import cn.heatdesk.monitor.api.ApprovalTarget;
import cn.heatdesk.monitor.api.ApproverLevel;
import cn.heatdesk.monitor.chain.ChainStep;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a chain's configured levels into who decides each level of one approval:
 * <ul>
 *   <li>STATION: holders of the role in the object's repair station (or below it);</li>
 *   <li>SUBSIDIARY: holders of the role in the object's subsidiary (or below it);</li>
 *   <li>GROUP: holders of the role anywhere in the group (GROUP_ADMIN by default).</li>
 * </ul>
 * A level nobody can decide — no station on the object, or nobody but the applicant holds the role there — passes
 * to the next level up with that level's default role, so an applicant never approves their own request (the group
 * level is the end of the line: a group administrator may decide anything). When passing up makes a level decided
 * by exactly the same role at the same org as the level before it, the two collapse into one.
 */
@Component
public class ApproverResolver {

    /** one resolved level */
    public record Resolved(int levelNo, ApproverLevel chainLevel, ApproverLevel level, String role, Long orgId,
                           String orgPath, String orgName, List<UserInfo> approvers, Integer timeoutMinutes) {

        boolean sameDecider(Resolved o) {
            return level == o.level && role.equals(o.role) && Objects.equals(orgId, o.orgId);
        }
    }

    private final OrgApi orgs;
    private final UserApi users;

    public ApproverResolver(OrgApi orgs, UserApi users) {
        this.orgs = orgs;
        this.users = users;
    }

    public List<Resolved> resolve(List<ChainStep> chain, ApprovalTarget target, long applicantId) {
        List<Resolved> out = new ArrayList<>();
        for (ChainStep step : chain) {
            ApproverLevel configured = ApproverLevel.valueOf(step.getApproverLevel());
            Resolved r = resolveOne(configured, step.getApproverRole(), step.getTimeoutMinutes(), target, applicantId);
            if (!out.isEmpty() && out.get(out.size() - 1).sameDecider(r)) {
                continue;
            }
            out.add(new Resolved(out.size() + 1, r.chainLevel(), r.level(), r.role(), r.orgId(), r.orgPath(),
                    r.orgName(), r.approvers(), r.timeoutMinutes()));
        }
        return out;
    }

    private Resolved resolveOne(ApproverLevel configured, String role, Integer timeout, ApprovalTarget target,
                                long applicantId) {
        ApproverLevel level = configured;
        String r = role;
        while (true) {
            Long orgId = switch (level) {
                case STATION -> target.stationOrgId();
                case SUBSIDIARY -> target.subsidiaryId();
                case GROUP -> null;
            };
            Optional<OrgInfo> org = level == ApproverLevel.GROUP ? orgs.root()
                    : orgId == null ? Optional.empty() : orgs.find(orgId);
            if (level == ApproverLevel.GROUP) {
                String groupRole = r == null || r.isBlank() ? level.defaultRole() : r;
                List<UserInfo> holders = org.isEmpty() ? List.of()
                        : users.usersWithRole(groupRole, org.get().id(), true);
                return new Resolved(0, configured, level, groupRole, org.map(OrgInfo::id).orElse(null),
                        org.map(OrgInfo::orgPath).orElse("/"), org.map(OrgInfo::orgName).orElse("集团"), holders, timeout);
            }
            if (org.isPresent()) {
                List<UserInfo> holders = users.usersWithRole(r, org.get().id(), true).stream()
                        .filter(u -> u.id() != null && u.id() != applicantId).toList();
                if (!holders.isEmpty()) {
                    return new Resolved(0, configured, level, r, org.get().id(), org.get().orgPath(),
                            org.get().orgName(), holders, timeout);
                }
            }
            level = level.up();
            r = level.defaultRole();
        }
    }

    /** every ancestor-or-self path of an org path: "/1/12/57/" → "/1/", "/1/12/", "/1/12/57/" */
    public static List<String> ancestorPaths(String orgPath) {
        List<String> out = new ArrayList<>();
        if (orgPath == null) {
            return out;
        }
        StringBuilder sb = new StringBuilder("/");
        for (String part : orgPath.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            sb.append(part).append('/');
            out.add(sb.toString());
        }
        return out;
    }
}
