package cn.heatdesk.baseinfo.household;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@Tag(name = "热用户与电话")
@RestController
@RequestMapping("/api/baseinfo/customers")
public class CustomerController {

    private static final Logger log = LoggerFactory.getLogger(CustomerController.class);

    private final CustomerService service;
    private final AuditService audit;
    private final ObjectMapper json;

    public CustomerController(CustomerService service, AuditService audit, ObjectMapper json) {
        this.service = service;
        this.audit = audit;
        this.json = json;
    }

    @Operation(summary = "客户列表（按数据权限；关键字为姓名或拼音首字母前缀，电话/证件号精确匹配）")
    @GetMapping
    @SaCheckPermission("baseinfo:customer")
    public ApiResponse<PageResult<CustomerViews.CustomerView>> page(CustomerFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @Operation(summary = "客户详情（电话与名下房屋）")
    @GetMapping("/{id}")
    @SaCheckPermission("baseinfo:customer")
    public ApiResponse<CustomerViews.CustomerDetail> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @PostMapping
    @SaCheckPermission("baseinfo:customer:edit")
    @AuditAction("新增热用户")
    public ApiResponse<CustomerViews.CustomerDetail> create(@Valid @RequestBody CustomerRequests.Create req) {
        return ApiResponse.ok(service.create(req));
    }

    @Operation(summary = "修改客户（计费系统维护的客户不能改姓名和证件号）")
    @PutMapping("/{id}")
    @SaCheckPermission("baseinfo:customer:edit")
    @AuditAction("修改热用户")
    public ApiResponse<CustomerViews.CustomerDetail> update(@PathVariable long id,
                                                            @Valid @RequestBody CustomerRequests.Update req) {
        return ApiResponse.ok(service.update(id, req));
    }

    @PostMapping("/{id}/phones")
    @SaCheckPermission("baseinfo:phone:bind")
    @AuditAction("绑定电话")
    public ApiResponse<CustomerViews.CustomerView> bind(@PathVariable long id, @Valid @RequestBody CustomerRequests.BindPhone req) {
        return ApiResponse.ok(service.bindPhone(id, req));
    }

    @Operation(summary = "解绑电话（原因必填；计费系统提供的号码也可解绑，计费系统再次同步该号码时会重新绑定）")
    @DeleteMapping("/{id}/phones/{phoneId}")
    @SaCheckPermission("baseinfo:phone:bind")
    @AuditAction("解绑电话")
    public ApiResponse<CustomerViews.CustomerView> unbind(@PathVariable long id, @PathVariable long phoneId,
                                                          @RequestParam(required = false) String reason) {
        CustomerService.Unbound u = service.unbindPhone(id, phoneId, reason);
        note(id, phoneId, reason, u);
        return ApiResponse.ok(u.customer());
    }

    @PostMapping("/{id}/phones/{phoneId}/primary")
    @SaCheckPermission("baseinfo:phone:bind")
    @AuditAction("设置主号码")
    public ApiResponse<CustomerViews.CustomerView> primary(@PathVariable long id, @PathVariable long phoneId) {
        return ApiResponse.ok(service.setPrimary(id, phoneId));
    }

    /**
     * The request interceptor audits the DELETE itself (also when refused), but a DELETE has no body: the reason,
     * the masked number and where the number came from are recorded here once the unbind has committed.
     */
    private void note(long customerId, long phoneId, String reason, CustomerService.Unbound u) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("customerId", String.valueOf(customerId));
        detail.put("phoneId", String.valueOf(phoneId));
        detail.put("phone", u.maskedPhone());
        detail.put("dataSource", u.dataSource());
        detail.put("reason", reason.strip());
        if (BillingOwnedFields.BILLING.equals(u.dataSource())) {
            detail.put("note", "该号码来自经营计费系统；计费系统再次同步仍包含该号码时会重新绑定");
        }
        try {
            audit.record(AuditEntry.fromContext("解绑电话（原因）")
                    .target("DELETE /api/baseinfo/customers/" + customerId + "/phones/" + phoneId)
                    .detail(json.writeValueAsString(detail)).success().httpStatus(200).build());
        } catch (JsonProcessingException | RuntimeException e) {
            // the unbind is committed; losing the note must at least be loud
            log.error("解绑电话审计明细写入失败 / audit note failed for customer {} phone {}", customerId, phoneId, e);
        }
    }
}
