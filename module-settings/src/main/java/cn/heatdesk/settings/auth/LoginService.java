package cn.heatdesk.settings.auth;

import cn.dev33.satoken.SaManager;
import cn.dev33.satoken.stp.StpUtil;
import cn.dev33.satoken.stp.parameter.SaLoginParameter;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.crypto.CryptoException;
import cn.heatdesk.kernel.crypto.HeatDeskKeys;
import cn.heatdesk.kernel.crypto.PasswordHasher;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.CurrentUserInterceptor;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.LoginApi;
import cn.heatdesk.settings.org.OrgMapper;
import cn.heatdesk.settings.org.OrgUnit;
import cn.heatdesk.settings.user.SysUser;
import cn.heatdesk.settings.user.UserMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Login with an SM2-encrypted password, lockout after repeated failures, password expiry and forced change
 * of initial passwords. Failed attempts are written immediately (no surrounding transaction), so they count
 * even though the request fails. Every attempt is audited with the username tried.
 */
@Service
public class LoginService implements LoginApi {

    static final String TICKET_PREFIX = "heatdesk:pwd-ticket:";
    static final int TICKET_SECONDS = 600;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final UserMapper users;
    private final OrgMapper orgs;
    private final HeatDeskKeys keys;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionRefresher sessions;
    private final AuditService audit;
    private final IdGenerator ids;

    public LoginService(UserMapper users, OrgMapper orgs, HeatDeskKeys keys, PasswordHasher hasher, PasswordPolicy policy,
                        SessionRefresher sessions, AuditService audit, IdGenerator ids) {
        this.users = users;
        this.orgs = orgs;
        this.keys = keys;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.audit = audit;
        this.ids = ids;
    }

    public AuthDtos.LoginResult login(String username, String encryptedPassword) {
        Grant g = login(username, encryptedPassword, null, null, null);
        return new AuthDtos.LoginResult(g.token(), "Authorization", "Bearer", null, g.passwordExpiresInDays());
    }

    @Override
    public Grant login(String username, String encryptedPassword, String deviceType, SessionTerms terms,
                       Consumer<CurrentUser> admit) {
        String password = decrypt(encryptedPassword, "password");
        SysUser u = users.selectByUsername(username.trim());
        if (u == null) {
            auditLogin(username, null, false, "用户不存在");
            throw new BizException(ErrorCode.BAD_CREDENTIALS, "用户名或密码错误", "password");
        }
        LocalDateTime now = LocalDateTime.now();
        if (u.getEnabled() != 1) {
            auditLogin(username, u, false, "账号已停用");
            throw new BizException(ErrorCode.ACCOUNT_DISABLED, "账号已停用，请联系管理员");
        }
        OrgUnit org = orgs.selectByIdUnscoped(u.getOrgId());
        if (org == null || org.getEnabled() != 1) {
            auditLogin(username, u, false, "所属机构已停用");
            throw new BizException(ErrorCode.ACCOUNT_DISABLED, "所属机构已停用，请联系管理员");
        }
        if (u.getLockedUntil() != null && u.getLockedUntil().isAfter(now)) {
            auditLogin(username, u, false, "账号锁定中");
            throw locked(u.getLockedUntil());
        }
        if (!hasher.verify(password, u.getPasswordHash())) {
            int attempts = (u.getLockedUntil() != null ? 0 : u.getFailedAttempts()) + 1;
            int max = policy.maxAttempts();
            if (attempts >= max) {
                LocalDateTime until = now.plusMinutes(policy.lockMinutes());
                users.updateLoginFailure(u.getId(), attempts, until);
                auditLogin(username, u, false, "密码错误，账号已锁定");
                throw locked(until);
            }
            users.updateLoginFailure(u.getId(), attempts, null);
            auditLogin(username, u, false, "密码错误（第 " + attempts + " 次）");
            throw new BizException(ErrorCode.BAD_CREDENTIALS,
                    "用户名或密码错误，再错 " + (max - attempts) + " 次账号将被锁定 " + policy.lockMinutes() + " 分钟", "password");
        }
        if (hasher.needsRehash(u.getPasswordHash())) {
            users.updatePassword(u.getId(), hasher.hash(password), u.getPasswordChangedAt(), u.getMustChangePwd());
        }
        if (u.getMustChangePwd() == 1 && policy.forceInitialChange()) {
            auditLogin(username, u, false, "需修改初始密码");
            throw new BizException(ErrorCode.PASSWORD_CHANGE_REQUIRED, "首次登录请修改初始密码", null, ticket(u));
        }
        Integer daysLeft = null;
        int maxAge = policy.maxAgeDays();
        if (maxAge > 0) {
            LocalDateTime expires = u.getPasswordChangedAt().plusDays(maxAge);
            if (!expires.isAfter(now)) {
                auditLogin(username, u, false, "密码已过期");
                throw new BizException(ErrorCode.PASSWORD_EXPIRED, "密码已超过 " + maxAge + " 天未修改，请修改密码后登录", null, ticket(u));
            }
            daysLeft = (int) Math.max(0, Duration.between(now, expires).toDays());
        }
        CurrentUser current = sessions.build(u);
        if (admit != null) {
            try {
                admit.accept(current);
            } catch (RuntimeException refused) {
                auditLogin(username, u, false, refused.getMessage());
                throw refused;
            }
        }
        // per-token timeouts need sa-token.dynamic-active-timeout=true (application.yml)
        SaLoginParameter login = new SaLoginParameter().setActiveTimeout(policy.idleMinutes() * 60L);
        if (terms != null) {
            login.setActiveTimeout(terms.idleSeconds()).setTimeout(terms.timeoutSeconds());
        }
        if (deviceType != null) {
            login.setDeviceType(deviceType);
        }
        StpUtil.login(u.getId(), login);
        StpUtil.getSession().set(CurrentUserInterceptor.SESSION_KEY, current);
        users.updateLoginSuccess(u.getId(), SecurityContext.clientIp(), now);
        SecurityContext.callAs(current, () -> {
            auditLogin(username, u, true, "登录成功");
            return null;
        });
        return new Grant(StpUtil.getTokenValue(), current, daysLeft);
    }

    /** Sets a new password with the ticket handed out when login required a change. */
    @Transactional
    public void changeWithTicket(String ticket, String encryptedNewPassword) {
        Object userId = SaManager.getSaTokenDao().get(TICKET_PREFIX + ticket);
        if (userId == null) {
            throw BizException.invalid("changeTicket", "改密凭证无效或已过期，请重新登录");
        }
        SysUser u = users.selectByIdUnscoped(Long.parseLong(userId.toString()));
        if (u == null || u.getEnabled() != 1) {
            throw BizException.invalid("changeTicket", "账号不存在或已停用");
        }
        setPassword(u, decrypt(encryptedNewPassword, "newPassword"), "newPassword", 0);
        SaManager.getSaTokenDao().delete(TICKET_PREFIX + ticket);
        audit.record(AuditEntry.fromContext("修改初始/过期密码").userId(u.getId()).username(u.getUsername())
                .subsidiaryId(u.getSubsidiaryId()).orgPath(u.getOrgPath()).target("user:" + u.getId()).build());
    }

    @Transactional
    public void changeOwn(String encryptedOld, String encryptedNew) {
        CurrentUser me = SecurityContext.require();
        SysUser u = users.selectByIdUnscoped(me.userId());
        if (!hasher.verify(decrypt(encryptedOld, "oldPassword"), u.getPasswordHash())) {
            throw BizException.invalid("oldPassword", "原密码不正确");
        }
        setPassword(u, decrypt(encryptedNew, "newPassword"), "newPassword", 0);
    }

    /**
     * Stores a new password after the policy check; {@code mustChange} = 1 for passwords set by an admin.
     */
    public void setPassword(SysUser u, String newPassword, String field, int mustChange) {
        List<String> history = new java.util.ArrayList<>();
        history.add(u.getPasswordHash());
        history.addAll(users.selectPasswordHistory(u.getId()));
        policy.check(field, newPassword, u.getUsername(), history);
        LocalDateTime now = LocalDateTime.now();
        users.insertPasswordHistory(ids.nextId(), u.getId(), u.getPasswordHash(), now);
        users.updatePassword(u.getId(), hasher.hash(newPassword), now, mustChange);
    }

    /** The policy check alone, for a password of a user who does not exist yet. */
    public void setPasswordPolicyOnly(String username, String newPassword, String field) {
        policy.check(field, newPassword, username, List.of());
    }

    public String decrypt(String hex, String field) {
        try {
            return new String(keys.sm2().decryptHexToBytes(hex.trim()), StandardCharsets.UTF_8);
        } catch (CryptoException | IllegalArgumentException e) {
            throw BizException.invalid(field, "密码密文无效，请刷新页面后重试");
        }
    }

    private AuthDtos.ChangeTicket ticket(SysUser u) {
        String t = UUID.randomUUID().toString().replace("-", "");
        SaManager.getSaTokenDao().set(TICKET_PREFIX + t, String.valueOf(u.getId()), TICKET_SECONDS);
        return new AuthDtos.ChangeTicket(t, u.getUsername(), TICKET_SECONDS);
    }

    private BizException locked(LocalDateTime until) {
        return new BizException(ErrorCode.ACCOUNT_LOCKED,
                "密码错误次数过多，账号已锁定，请于 " + until.format(HM) + " 后重试或联系管理员解锁", null,
                new AuthDtos.LockInfo(until, policy.lockMinutes()));
    }

    private void auditLogin(String username, SysUser u, boolean ok, String detail) {
        AuditEntry.Builder b = AuditEntry.fromContext("登录").username(username).detail(detail)
                .httpStatus(ok ? 200 : 401);
        if (u != null) {
            b.userId(u.getId()).subsidiaryId(u.getSubsidiaryId()).orgPath(u.getOrgPath()).target("user:" + u.getId());
        } else {
            b.userId(0L);
        }
        audit.record((ok ? b.success() : b.failure()).build());
    }
}
