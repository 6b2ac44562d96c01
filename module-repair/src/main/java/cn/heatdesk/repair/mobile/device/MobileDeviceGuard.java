package cn.heatdesk.repair.mobile.device;

import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.web.ApiResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.charset.StandardCharsets;

/**
 * Every /api/mobile/** call except the login: the token must have been issued for the device the user is bound
 * to now (401 DEVICE_UNBOUND otherwise: a console token, or the old phone after a re-binding was approved).
 * Runs after the kernel's login check, so a missing or expired token is still UNAUTHENTICATED.
 */
public class MobileDeviceGuard implements HandlerInterceptor {

    static final String ATTR = "heatdesk.mobile.device";

    private final DeviceService devices;
    private final ObjectMapper json;

    public MobileDeviceGuard(DeviceService devices, ObjectMapper json) {
        this.devices = devices;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!StpUtil.isLogin()) {
            return true; // the kernel's login check answers
        }
        long userId = StpUtil.getLoginIdAsLong();
        String tokenDevice = StpUtil.getLoginDeviceType();
        Device d = devices.bound(userId).orElse(null);
        if (d != null && DeviceService.loginDevice(d.deviceId).equals(tokenDevice)) {
            request.setAttribute(ATTR, d);
            return true;
        }
        response.setStatus(401);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(ApiResponse.error("DEVICE_UNBOUND",
                "本设备未绑定到该账号（可能已换绑或解绑），请在已绑定的设备上登录", null, null)));
        return false;
    }

    /** the bound device of the current /api/mobile/** request (checked by the guard), or null elsewhere */
    public static Device current() {
        RequestAttributes a = RequestContextHolder.getRequestAttributes();
        return a == null ? null : (Device) a.getAttribute(ATTR, RequestAttributes.SCOPE_REQUEST);
    }
}
