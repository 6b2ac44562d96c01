package cn.heatdesk.settings.changelog;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import jakarta.validation.Valid;
import cn.heatdesk.kernel.error.BizException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** 变更记录: settings changes with before/after, and rollback. Listing is limited to the user's data scope. */
@RestController
@RequestMapping("/api/settings/change-logs")
public class ChangeLogController {

    private final ChangeLogService service;

    public ChangeLogController(ChangeLogService service) {
        this.service = service;
    }

    @GetMapping
    @SaCheckPermission(value = {"settings:changelog", "settings:changelog:rollback"}, mode = SaMode.OR)
    public ApiResponse<PageResult<SettingChangeLogView>> list(
            @RequestParam(required = false) String entityKind,
            @RequestParam(required = false) Long entityId,
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long userId,
            @RequestParam(required = false) String user,
            PageQuery page) {
        return ApiResponse.ok(service.list(new SettingChangeLogFilter(entityKind, entityId, keyword,
                parseTime(from, "from", false), parseTime(to, "to", true), userId, user), page));
    }

    @GetMapping("/{id}")
    @SaCheckPermission(value = {"settings:changelog", "settings:changelog:rollback"}, mode = SaMode.OR)
    public ApiResponse<SettingChangeLogDetail> detail(@PathVariable long id) {
        return ApiResponse.ok(service.detail(id));
    }

    @PostMapping("/{id}/rollback")
    @SaCheckPermission("settings:changelog:rollback")
    @AuditAction("回滚设置变更")
    public ApiResponse<SettingChangeLogView> rollback(@PathVariable long id, @Valid @RequestBody SettingChangeRollbackRequest request) {
        return ApiResponse.ok(service.rollback(id, request.reason()));
    }

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Accepts "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss" or ISO; a bare date as {@code to} means up to the end of that day. */
    static LocalDateTime parseTime(String value, String field, boolean exclusiveEnd) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return exclusiveEnd ? d.plusDays(1).atStartOfDay() : d.atStartOfDay();
            }
            return v.indexOf('T') > 0 ? LocalDateTime.parse(v) : LocalDateTime.parse(v, SPACED);
        } catch (DateTimeParseException e) {
            throw BizException.invalid(field, ("from".equals(field) ? "开始时间" : "结束时间") + "格式不正确，应为 yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss");
        }
    }
}
