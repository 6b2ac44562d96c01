package cn.heatdesk.settings.param;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 系统参数. */
@RestController
@RequestMapping("/api/settings/params")
public class ParamController {

    private static final String VIEW = "settings:param";
    private static final String EDIT = "settings:param:edit";

    private final ParamService service;

    public ParamController(ParamService service) {
        this.service = service;
    }

    @GetMapping
    @SaCheckPermission(value = {VIEW, EDIT}, mode = SaMode.OR)
    public ApiResponse<PageResult<ParamView>> list(@RequestParam(required = false) String group,
                                                   @RequestParam(required = false) String keyword, PageQuery page) {
        return ApiResponse.ok(service.list(group, keyword, page));
    }

    @GetMapping("/groups")
    @SaCheckPermission(value = {VIEW, EDIT}, mode = SaMode.OR)
    public ApiResponse<List<String>> groups() {
        return ApiResponse.ok(service.groups());
    }

    @GetMapping("/{id}")
    @SaCheckPermission(value = {VIEW, EDIT}, mode = SaMode.OR)
    public ApiResponse<ParamView> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @PostMapping
    @SaCheckPermission(EDIT)
    @AuditAction("新增系统参数")
    public ApiResponse<ParamView> create(@Valid @RequestBody ParamRequests.Create request) {
        return ApiResponse.ok(service.create(request));
    }

    @PutMapping("/{id}/value")
    @SaCheckPermission(EDIT)
    @AuditAction("修改系统参数值")
    public ApiResponse<ParamView> updateValue(@PathVariable long id, @Valid @RequestBody ParamRequests.UpdateValue request) {
        return ApiResponse.ok(service.updateValue(id, request));
    }

    @PutMapping("/{id}")
    @SaCheckPermission(EDIT)
    @AuditAction("修改系统参数")
    public ApiResponse<ParamView> update(@PathVariable long id, @Valid @RequestBody ParamRequests.Update request) {
        return ApiResponse.ok(service.update(id, request));
    }

    @DeleteMapping("/{id}")
    @SaCheckPermission(EDIT)
    @AuditAction("删除系统参数")
    public ApiResponse<Void> delete(@PathVariable long id, @RequestParam(required = false) Integer rowVersion,
                                    @RequestParam(required = false) String reason) {
        service.delete(id, rowVersion, reason);
        return ApiResponse.ok();
    }
}
