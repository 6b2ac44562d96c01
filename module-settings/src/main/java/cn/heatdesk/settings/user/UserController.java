package cn.heatdesk.settings.user;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.annotation.ExcelProperty;
import com.alibaba.excel.annotation.write.style.ColumnWidth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

@Tag(name = "用户管理")
@RestController
@RequestMapping("/api/settings/users")
public class UserController {

    private final UserService service;

    public UserController(UserService service) {
        this.service = service;
    }

    @GetMapping
    @SaCheckPermission("settings:user")
    public ApiResponse<PageResult<UserView>> page(UserFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @GetMapping("/{id}")
    @SaCheckPermission("settings:user")
    public ApiResponse<UserView> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @PostMapping
    @SaCheckPermission("settings:user:edit")
    @AuditAction("新增用户")
    public ApiResponse<UserView> create(@Valid @RequestBody UserRequests.Create req) {
        return ApiResponse.ok(service.create(req));
    }

    @PutMapping("/{id}")
    @SaCheckPermission("settings:user:edit")
    @AuditAction("修改用户")
    public ApiResponse<UserView> update(@PathVariable long id, @Valid @RequestBody UserRequests.Update req) {
        return ApiResponse.ok(service.update(id, req));
    }

    @PutMapping("/{id}/roles")
    @SaCheckPermission("settings:user:edit")
    @AuditAction("分配用户角色")
    public ApiResponse<UserView> roles(@PathVariable long id, @Valid @RequestBody UserRequests.Roles req) {
        return ApiResponse.ok(service.setRoles(id, req.roleIds()));
    }

    @Operation(summary = "重置密码（新密码 SM2 加密；用户下次登录须修改）")
    @PostMapping("/{id}/reset-password")
    @SaCheckPermission("settings:user:reset-password")
    @AuditAction("重置用户密码")
    public ApiResponse<Void> resetPassword(@PathVariable long id, @Valid @RequestBody UserRequests.ResetPassword req) {
        service.resetPassword(id, req.newPassword());
        return ApiResponse.ok();
    }

    @PostMapping("/{id}/unlock")
    @SaCheckPermission("settings:user:unlock")
    @AuditAction("解锁用户")
    public ApiResponse<UserView> unlock(@PathVariable long id) {
        return ApiResponse.ok(service.unlock(id));
    }

    @PostMapping("/{id}/enable")
    @SaCheckPermission("settings:user:edit")
    @AuditAction("启用用户")
    public ApiResponse<UserView> enable(@PathVariable long id) {
        return ApiResponse.ok(service.setEnabled(id, true));
    }

    @PostMapping("/{id}/disable")
    @SaCheckPermission("settings:user:edit")
    @AuditAction("停用用户")
    public ApiResponse<UserView> disable(@PathVariable long id) {
        return ApiResponse.ok(service.setEnabled(id, false));
    }

    @Operation(summary = "导出用户（Excel，按数据权限）")
    @GetMapping("/export")
    @SaCheckPermission("settings:user:export")
    public void export(UserFilter filter, HttpServletResponse response) throws IOException {
        boolean unmask = SecurityContext.require().hasPermission(PermissionCodes.UNMASK);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<ExportRow> rows = service.list(filter).stream().map(u -> new ExportRow(u.username(), u.realName(),
                u.jobNumber(), u.orgName(), u.phone() == null ? null : unmask ? u.phone() : Masking.phone(u.phone()),
                u.email(), u.roles().stream().map(UserView.RoleRef::roleName).collect(Collectors.joining("、")),
                u.enabled() ? "启用" : "停用", u.locked() ? "是" : "否",
                u.lastLoginAt() == null ? null : u.lastLoginAt().format(f))).toList();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("用户列表.xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        EasyExcel.write(response.getOutputStream(), ExportRow.class).sheet("用户").doWrite(rows);
    }

    @ColumnWidth(18)
    public static class ExportRow {
        @ExcelProperty("用户名") public String username;
        @ExcelProperty("姓名") public String realName;
        @ExcelProperty("工号") public String jobNumber;
        @ExcelProperty("所属机构") @ColumnWidth(28) public String orgName;
        @ExcelProperty("手机号") public String phone;
        @ExcelProperty("邮箱") public String email;
        @ExcelProperty("角色") @ColumnWidth(30) public String roles;
        @ExcelProperty("状态") public String status;
        @ExcelProperty("是否锁定") public String locked;
        @ExcelProperty("最后登录时间") @ColumnWidth(22) public String lastLogin;

        public ExportRow() {
        }

        ExportRow(String username, String realName, String jobNumber, String orgName, String phone, String email,
                  String roles, String status, String locked, String lastLogin) {
            this.username = username;
            this.realName = realName;
            this.jobNumber = jobNumber;
            this.orgName = orgName;
            this.phone = phone;
            this.email = email;
            this.roles = roles;
            this.status = status;
            this.locked = locked;
            this.lastLogin = lastLogin;
        }
    }
}
