package cn.heatdesk.baseinfo.blacklist;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "黑名单")
@RestController
@RequestMapping("/api/baseinfo/blacklist")
public class BlacklistController {

    private final BlacklistService service;

    public BlacklistController(BlacklistService service) {
        this.service = service;
    }

    @Operation(summary = "黑名单列表（全集团；status = ACTIVE/EXPIRED/REMOVED）")
    @GetMapping
    @SaCheckPermission("baseinfo:blacklist")
    public ApiResponse<PageResult<BlacklistViews.EntryView>> page(BlacklistFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @Operation(summary = "号码当前是否在黑名单中（生效且未过期）")
    @GetMapping("/check")
    @SaCheckPermission("baseinfo:blacklist")
    public ApiResponse<BlacklistViews.CheckView> check(@RequestParam String phone) {
        return ApiResponse.ok(service.checkView(phone));
    }

    @Operation(summary = "加入黑名单（到期时间不填为永久）")
    @PostMapping
    @SaCheckPermission("baseinfo:blacklist:edit")
    @AuditAction("加入黑名单")
    public ApiResponse<BlacklistViews.EntryView> add(@Valid @RequestBody BlacklistRequests.Add req) {
        return ApiResponse.ok(service.add(req));
    }

    @PostMapping("/{id}/remove")
    @SaCheckPermission("baseinfo:blacklist:edit")
    @AuditAction("移出黑名单")
    public ApiResponse<BlacklistViews.EntryView> remove(@PathVariable long id, @Valid @RequestBody BlacklistRequests.Remove req) {
        return ApiResponse.ok(service.remove(id, req));
    }
}
