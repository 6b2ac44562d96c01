package cn.heatdesk.repair.dispatch;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "工单分派（维修站）")
@RestController
@RequestMapping("/api/repair")
public class StationTicketController {

    private final StationTicketService service;
    private final HotspotService hotspots;

    public StationTicketController(StationTicketService service, HotspotService hotspots) {
        this.service = service;
        this.hotspots = hotspots;
    }

    @Operation(summary = "维修站工单池：STATION_PENDING 待分派（待确认、待分派）/ STATION_ASSIGNED 已分派（按数据权限，站长只看本站）")
    @GetMapping("/tickets")
    @SaCheckPermission("repair:pool")
    public ApiResponse<PageResult<TicketRow>> page(StationTicketQuery q, PageQuery query) {
        return ApiResponse.ok(service.page(q, query));
    }

    @Operation(summary = "待分派、已分派工单数及其中超时数")
    @GetMapping("/tickets/counts")
    @SaCheckPermission("repair:pool")
    public ApiResponse<StationViews.Counts> counts(@RequestParam(required = false) Long stationOrgId) {
        return ApiResponse.ok(service.counts(stationOrgId));
    }

    @Operation(summary = "维修站操作：确认、分派、改派（须填原因）、处理登记、直接处结、上报进度、备注；退回/作废/取消/延期按审批配置可能需要审批（APPROVAL_REQUIRED）")
    @PostMapping("/tickets/{id}/actions")
    @SaCheckPermission(value = {"repair:assign", "repair:handle"}, mode = SaMode.OR)
    @AuditAction("维修站工单操作")
    public ApiResponse<TicketView> perform(@PathVariable long id, @RequestBody StationCommand command) {
        return ApiResponse.ok(service.perform(id, command));
    }

    @Operation(summary = "分派建议：本站人员按技能、负责区域、当前工单量打分排序，并给出理由")
    @GetMapping("/tickets/{id}/candidates")
    @SaCheckPermission("repair:assign")
    public ApiResponse<StationViews.Candidates> candidates(@PathVariable long id) {
        return ApiResponse.ok(service.candidates(id));
    }

    @Operation(summary = "故障高发：近 N 天工单最多的小区和单元（按数据权限，可限定维修站）")
    @GetMapping("/hotspots")
    @SaCheckPermission("repair:pool")
    public ApiResponse<StationViews.Hotspots> hotspots(@RequestParam(required = false) Integer days,
                                                       @RequestParam(required = false) Long stationOrgId) {
        return ApiResponse.ok(hotspots.hotspots(days, stationOrgId));
    }
}
