package cn.heatdesk.settings.dict;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.DictItemOption;
import cn.heatdesk.settings.dict.DictViews.ItemView;
import cn.heatdesk.settings.dict.DictViews.TypeView;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 数据字典: administration of types and items, and the drop-down lists every logged-in user reads. */
@RestController
@RequestMapping("/api/settings")
public class DictController {

    private static final String VIEW = "settings:dict";
    private static final String EDIT = "settings:dict:edit";

    private final DictService service;
    private final DictLookup lookup;

    public DictController(DictService service, DictLookup lookup) {
        this.service = service;
        this.lookup = lookup;
    }

    // ---- drop-downs: any logged-in user ----

    @GetMapping("/dicts/{typeCode}")
    public ApiResponse<List<DictItemOption>> options(@PathVariable String typeCode) {
        return ApiResponse.ok(lookup.items(typeCode));
    }

    /** several drop-downs in one request: {@code ?types=ticket_type,ticket_source} */
    @GetMapping("/dicts")
    public ApiResponse<Map<String, List<DictItemOption>>> optionsOf(@RequestParam List<String> types) {
        Map<String, List<DictItemOption>> m = new LinkedHashMap<>();
        types.stream().filter(t -> t != null && !t.isBlank()).map(String::trim).distinct().limit(50)
                .forEach(t -> m.put(t, lookup.items(t)));
        return ApiResponse.ok(m);
    }

    // ---- types ----

    @GetMapping("/dict-types")
    @SaCheckPermission(value = {VIEW, EDIT}, mode = SaMode.OR)
    public ApiResponse<PageResult<TypeView>> listTypes(@RequestParam(required = false) String keyword,
                                                       @RequestParam(required = false) Boolean enabled, PageQuery page) {
        return ApiResponse.ok(service.listTypes(keyword, enabled, page));
    }

    @GetMapping("/dict-types/{id}")
    @SaCheckPermission(value = {VIEW, EDIT}, mode = SaMode.OR)
    public ApiResponse<TypeView> getType(@PathVariable long id) {
        return ApiResponse.ok(service.getType(id));
    }

    @PostMapping("/dict-types")
    @SaCheckPermission(EDIT)
    @AuditAction("新增字典类型")
    public ApiResponse<TypeView> createType(@Valid @RequestBody DictRequests.CreateType request) {
        return ApiResponse.ok(service.createType(request));
    }

    @PutMapping("/dict-types/{id}")
    @SaCheckPermission(EDIT)
    @AuditAction("修改字典类型")
    public ApiResponse<TypeView> updateType(@PathVariable long id, @Valid @RequestBody DictRequests.UpdateType request) {
        return ApiResponse.ok(service.updateType(id, request));
    }

    @PostMapping("/dict-types/{id}/enable")
    @SaCheckPermission(EDIT)
    @AuditAction("启用字典类型")
    public ApiResponse<TypeView> enableType(@PathVariable long id, @Valid @RequestBody(required = false) DictRequests.State request) {
        return ApiResponse.ok(service.setTypeEnabled(id, true, orNone(request)));
    }

    @PostMapping("/dict-types/{id}/disable")
    @SaCheckPermission(EDIT)
    @AuditAction("停用字典类型")
    public ApiResponse<TypeView> disableType(@PathVariable long id, @Valid @RequestBody(required = false) DictRequests.State request) {
        return ApiResponse.ok(service.setTypeEnabled(id, false, orNone(request)));
    }

    @DeleteMapping("/dict-types/{id}")
    @SaCheckPermission(EDIT)
    @AuditAction("删除字典类型")
    public ApiResponse<Void> deleteType(@PathVariable long id, @RequestParam(required = false) Integer rowVersion,
                                        @RequestParam(required = false) String reason) {
        service.deleteType(id, new DictRequests.State(rowVersion, reason));
        return ApiResponse.ok();
    }

    // ---- items ----

    @GetMapping("/dict-types/{id}/items")
    @SaCheckPermission(value = {VIEW, EDIT}, mode = SaMode.OR)
    public ApiResponse<List<ItemView>> listItems(@PathVariable long id) {
        return ApiResponse.ok(service.listItems(id));
    }

    @GetMapping("/dict-items/{id}")
    @SaCheckPermission(value = {VIEW, EDIT}, mode = SaMode.OR)
    public ApiResponse<ItemView> getItem(@PathVariable long id) {
        return ApiResponse.ok(service.getItem(id));
    }

    @PostMapping("/dict-items")
    @SaCheckPermission(EDIT)
    @AuditAction("新增字典项")
    public ApiResponse<ItemView> createItem(@Valid @RequestBody DictRequests.CreateItem request) {
        return ApiResponse.ok(service.createItem(request));
    }

    @PutMapping("/dict-items/{id}")
    @SaCheckPermission(EDIT)
    @AuditAction("修改字典项")
    public ApiResponse<ItemView> updateItem(@PathVariable long id, @Valid @RequestBody DictRequests.UpdateItem request) {
        return ApiResponse.ok(service.updateItem(id, request));
    }

    @PostMapping("/dict-items/{id}/enable")
    @SaCheckPermission(EDIT)
    @AuditAction("启用字典项")
    public ApiResponse<ItemView> enableItem(@PathVariable long id, @Valid @RequestBody(required = false) DictRequests.State request) {
        return ApiResponse.ok(service.setItemEnabled(id, true, orNone(request)));
    }

    @PostMapping("/dict-items/{id}/disable")
    @SaCheckPermission(EDIT)
    @AuditAction("停用字典项")
    public ApiResponse<ItemView> disableItem(@PathVariable long id, @Valid @RequestBody(required = false) DictRequests.State request) {
        return ApiResponse.ok(service.setItemEnabled(id, false, orNone(request)));
    }

    @DeleteMapping("/dict-items/{id}")
    @SaCheckPermission(EDIT)
    @AuditAction("删除字典项")
    public ApiResponse<Void> deleteItem(@PathVariable long id, @RequestParam(required = false) Integer rowVersion,
                                        @RequestParam(required = false) String reason) {
        service.deleteItem(id, new DictRequests.State(rowVersion, reason));
        return ApiResponse.ok();
    }

    private static DictRequests.State orNone(DictRequests.State s) {
        return s == null ? DictRequests.State.NONE : s;
    }
}
