package cn.heatdesk.settings.auth;

import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.crypto.HeatDeskKeys;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.CurrentUserInterceptor;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.settings.org.OrgMapper;
import cn.heatdesk.settings.org.OrgUnit;
import cn.heatdesk.settings.user.SysUser;
import cn.heatdesk.settings.user.UserMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "登录认证")
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final LoginService login;
    private final HeatDeskKeys keys;
    private final UserMapper users;
    private final OrgMapper orgs;
    private final MenuProvider menus;
    private final PasswordPolicy policy;

    public AuthController(LoginService login, HeatDeskKeys keys, UserMapper users, OrgMapper orgs, MenuProvider menus,
                          PasswordPolicy policy) {
        this.policy = policy;
        this.login = login;
        this.keys = keys;
        this.users = users;
        this.orgs = orgs;
        this.menus = menus;
    }

    @Operation(summary = "SM2 公钥（04 开头的非压缩十六进制），用于加密登录密码，密文顺序 C1C3C2")
    @GetMapping("/public-key")
    public ApiResponse<AuthDtos.PublicKey> publicKey() {
        return ApiResponse.ok(new AuthDtos.PublicKey(keys.sm2PublicKeyHex(), "C1C3C2"));
    }

    @Operation(summary = "登录；password 为 SM2 加密后的十六进制密文（可带或不带 04 前缀）")
    @PostMapping("/login")
    @AuditAction(value = "登录", manual = true)
    public ApiResponse<AuthDtos.LoginResult> login(@Valid @RequestBody AuthDtos.Login req) {
        AuthDtos.LoginResult r = login.login(req.username(), req.password());
        return ApiResponse.ok(new AuthDtos.LoginResult(r.token(), r.tokenName(), r.tokenPrefix(),
                profile((CurrentUser) StpUtil.getSession().get(CurrentUserInterceptor.SESSION_KEY)),
                r.passwordExpiresInDays()));
    }

    @Operation(summary = "凭改密凭证设置新密码（首次登录或密码过期时）")
    @PostMapping("/password/initial")
    @AuditAction(value = "修改初始/过期密码", manual = true)
    public ApiResponse<Void> initialPassword(@Valid @RequestBody AuthDtos.InitialPassword req) {
        login.changeWithTicket(req.changeTicket(), req.newPassword());
        return ApiResponse.ok();
    }

    @PostMapping("/password")
    @AuditAction("修改本人密码")
    public ApiResponse<Void> changePassword(@Valid @RequestBody AuthDtos.ChangePassword req) {
        login.changeOwn(req.oldPassword(), req.newPassword());
        return ApiResponse.ok();
    }

    @PostMapping("/logout")
    @AuditAction("退出登录")
    public ApiResponse<Void> logout() {
        StpUtil.logout();
        return ApiResponse.ok();
    }

    @Operation(summary = "当前用户、权限与菜单")
    @GetMapping("/me")
    public ApiResponse<AuthDtos.Profile> me() {
        return ApiResponse.ok(profile(SecurityContext.require()));
    }

    private AuthDtos.Profile profile(CurrentUser u) {
        SysUser row = users.selectByIdUnscoped(u.userId());
        OrgUnit org = orgs.selectByIdUnscoped(u.orgId());
        return new AuthDtos.Profile(u.userId(), u.username(), u.realName(), row.getJobNumber(), u.orgId(),
                org == null ? null : org.getOrgName(), u.subsidiaryId(), u.dataScope().name(), u.roles(),
                u.permissions(), menus.menusFor(u.permissions()), row.getLastLoginAt(), row.getLastLoginIp(),
                policy.idleMinutes());
    }
}
