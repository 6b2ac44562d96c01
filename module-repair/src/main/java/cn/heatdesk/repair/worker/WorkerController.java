package cn.heatdesk.repair.worker;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "维修人员")
@RestController
@RequestMapping("/api/repair")
public class WorkerController {

    private final WorkerService workers;
    private final SkillService skills;

    public WorkerController(WorkerService workers, SkillService skills) {
        this.workers = workers;
        this.skills = skills;
    }

    @Operation(summary = "维修人员档案列表（按数据权限：站长只看本站；含技能、负责区域和当前未完结工单数）")
    @GetMapping("/workers")
    @SaCheckPermission(value = {"repair:worker", "repair:pool"}, mode = SaMode.OR)
    public ApiResponse<PageResult<WorkerViews.WorkerView>> page(WorkerFilter filter, PageQuery query) {
        return ApiResponse.ok(workers.page(filter, query));
    }

    @Operation(summary = "维修人员档案详情")
    @GetMapping("/workers/{id}")
    @SaCheckPermission(value = {"repair:worker", "repair:pool"}, mode = SaMode.OR)
    public ApiResponse<WorkerViews.WorkerView> get(@PathVariable long id) {
        return ApiResponse.ok(workers.get(id));
    }

    @Operation(summary = "维修站中尚未建立档案的维修员/网格员账号")
    @GetMapping("/workers/unprofiled")
    @SaCheckPermission("repair:worker:edit")
    public ApiResponse<List<WorkerViews.UnprofiledUser>> unprofiled(@RequestParam long stationOrgId) {
        return ApiResponse.ok(workers.unprofiled(stationOrgId));
    }

    @Operation(summary = "建立人员档案（人员类型、技能、负责区域、工单上限）")
    @PostMapping("/workers")
    @SaCheckPermission("repair:worker:edit")
    @AuditAction("建立维修人员档案")
    public ApiResponse<WorkerViews.WorkerView> create(@Valid @RequestBody WorkerRequests.Create req) {
        return ApiResponse.ok(workers.create(req));
    }

    @Operation(summary = "修改人员档案（负责区域整体替换）")
    @PutMapping("/workers/{id}")
    @SaCheckPermission("repair:worker:edit")
    @AuditAction("修改维修人员档案")
    public ApiResponse<WorkerViews.WorkerView> update(@PathVariable long id, @Valid @RequestBody WorkerRequests.Update req) {
        return ApiResponse.ok(workers.update(id, req));
    }

    @Operation(summary = "设置在岗/离岗")
    @PostMapping("/workers/{id}/duty")
    @SaCheckPermission("repair:worker:edit")
    @AuditAction("设置维修人员在岗状态")
    public ApiResponse<WorkerViews.WorkerView> duty(@PathVariable long id, @Valid @RequestBody WorkerRequests.Duty req) {
        return ApiResponse.ok(workers.duty(id, req.onDuty()));
    }

    @Operation(summary = "技能列表（含停用；适用的工单类型）")
    @GetMapping("/skills")
    @SaCheckPermission(value = {"repair:worker", "repair:pool"}, mode = SaMode.OR)
    public ApiResponse<List<WorkerViews.SkillView>> skills() {
        return ApiResponse.ok(skills.list());
    }

    @Operation(summary = "新增技能（仅集团用户）")
    @PostMapping("/skills")
    @SaCheckPermission("repair:worker:edit")
    @AuditAction("新增维修技能")
    public ApiResponse<WorkerViews.SkillView> createSkill(@Valid @RequestBody WorkerRequests.SkillSave req) {
        return ApiResponse.ok(skills.create(req));
    }

    @Operation(summary = "修改技能（仅集团用户）")
    @PutMapping("/skills/{code}")
    @SaCheckPermission("repair:worker:edit")
    @AuditAction("修改维修技能")
    public ApiResponse<WorkerViews.SkillView> updateSkill(@PathVariable String code, @Valid @RequestBody WorkerRequests.SkillSave req) {
        return ApiResponse.ok(skills.update(code, req));
    }
}
