package cn.heatdesk.repair.mobile.device;

import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.repair.worker.Worker;
import cn.heatdesk.repair.worker.WorkerMapper;
import cn.heatdesk.settings.api.LoginApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.regex.Pattern;

@Tag(name = "移动运维端：登录")
@RestController
@RequestMapping("/api/mobile/auth")
public class MobileAuthController {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private final LoginApi login;
    private final DeviceService devices;
    private final OrgApi orgs;
    private final WorkerMapper workers;
    private final LoginApi.SessionTerms terms;

    public MobileAuthController(LoginApi login, DeviceService devices, OrgApi orgs, WorkerMapper workers,
                                MobileTokenProperties tokens) {
        this.login = login;
        this.devices = devices;
        this.orgs = orgs;
        this.workers = workers;
        this.terms = tokens.terms(); // checked once: a bad setting stops the start
    }

    public record LoginRequest(String username, String password, String deviceId, String deviceName, String platform) {
    }

    public record UserProfile(Long id, String username, String name, Long orgId, String orgName, Set<String> roles,
                              Set<String> permissions, String workerType) {
    }

    public record DeviceInfo(String deviceId, String deviceName, LocalDateTime boundAt) {
    }

    public record LoginResult(String token, UserProfile user, DeviceInfo device, LocalDateTime serverTime) {
    }

    @Operation(summary = "移动端登录：密码 SM2 加密（同控制台）；首台设备自动绑定，其他设备提交换绑申请并返回 403 DEVICE_NOT_BOUND")
    @PostMapping("/login")
    @AuditAction(value = "移动端登录", manual = true)
    public ApiResponse<LoginResult> login(@RequestBody LoginRequest req) {
        if (req == null || req.username() == null || req.username().isBlank()) {
            throw BizException.invalid("username", "请输入用户名");
        }
        if (req.password() == null || req.password().isBlank()) {
            throw BizException.invalid("password", "请输入密码");
        }
        if (req.deviceId() == null || !DEVICE_ID.matcher(req.deviceId()).matches()) {
            throw BizException.invalid("deviceId", "设备标识无效（8-64 位字母、数字或 ._:-）");
        }
        String name = clip(req.deviceName(), 128);
        String platform = clip(req.platform(), 64);
        Device[] bound = new Device[1];
        LoginApi.Grant g = login.login(req.username(), req.password(), DeviceService.loginDevice(req.deviceId()),
                terms, u -> bound[0] = devices.admit(u, req.deviceId(), name, platform));
        CurrentUser u = g.user();
        String orgName = orgs.find(u.orgId()).map(OrgInfo::orgName).orElse(null);
        Worker w = workers.selectByUserIdUnscoped(u.userId());
        UserProfile profile = new UserProfile(u.userId(), u.username(), u.realName(), u.orgId(), orgName, u.roles(),
                u.permissions(), w == null ? null : w.getWorkerType());
        Device d = bound[0];
        return ApiResponse.ok(new LoginResult(g.token(), profile, new DeviceInfo(d.deviceId, d.deviceName, d.boundAt),
                LocalDateTime.now()));
    }

    @Operation(summary = "移动端退出登录")
    @PostMapping("/logout")
    @AuditAction("移动端退出登录")
    public ApiResponse<Void> logout() {
        StpUtil.logout(StpUtil.getLoginId(), StpUtil.getLoginDeviceType());
        return ApiResponse.ok();
    }

    private static String clip(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
