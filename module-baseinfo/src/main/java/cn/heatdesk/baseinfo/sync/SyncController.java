package cn.heatdesk.baseinfo.sync;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.baseinfo.api.BillingSystemClient;
import cn.heatdesk.baseinfo.api.HeatNetClient;
import cn.heatdesk.baseinfo.api.SyncAlertApi;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 系统同步 (/baseinfo/sync): feed status, "立即同步", failed records with retry, and the alert badge. */
@Tag(name = "系统同步")
@RestController
@RequestMapping("/api/baseinfo/sync")
public class SyncController {

    private final SyncStore store;
    private final SyncPuller puller;
    private final SyncRetrier retrier;
    private final SyncAlertApi alerts;
    private final IntegrationProperties props;
    private final ObjectProvider<BillingSystemClient> billing;
    private final ObjectProvider<HeatNetClient> heatNet;
    private final ObjectMapper json;

    public SyncController(SyncStore store, SyncPuller puller, SyncRetrier retrier, SyncAlertApi alerts,
                          IntegrationProperties props, ObjectProvider<BillingSystemClient> billing,
                          ObjectProvider<HeatNetClient> heatNet, ObjectMapper json) {
        this.store = store;
        this.puller = puller;
        this.retrier = retrier;
        this.alerts = alerts;
        this.props = props;
        this.billing = billing;
        this.heatNet = heatNet;
        this.json = json;
    }

    @Operation(summary = "同步状态：各系统的配置与各数据的游标、上次运行结果")
    @GetMapping("/status")
    @SaCheckPermission("baseinfo:sync")
    public ApiResponse<SyncViews.StatusView> status() {
        Map<String, SyncCursor> rows = new HashMap<>();
        for (SyncCursor c : store.cursors()) {
            rows.put(c.getSourceSystem() + "/" + c.getEntity(), c);
        }
        List<SyncViews.SourceView> sources = new ArrayList<>();
        for (SyncSource s : SyncSource.values()) {
            IntegrationProperties.Endpoint ep = props.endpoint(s);
            boolean configured = s == SyncSource.BILLING ? billing.getIfAvailable() != null : heatNet.getIfAvailable() != null;
            List<SyncViews.CursorView> cursors = new ArrayList<>();
            for (SyncEntity e : s.entities()) {
                SyncCursor c = rows.get(s.name() + "/" + e.name());
                cursors.add(c == null
                        ? new SyncViews.CursorView(e.name(), e.label(), null, null, null, null, null, null, 0)
                        : new SyncViews.CursorView(e.name(), e.label(), c.getCursorTime(), c.getCursorKey(), c.getLastRunAt(),
                        c.getLastOkAt(), c.getLastStatus(), c.getLastMessage(), c.getPulledTotal() == null ? 0 : c.getPulledTotal()));
            }
            sources.add(new SyncViews.SourceView(s.name(), s.label(), configured, ep.isEnabled() && !"-".equals(ep.getCron()),
                    ep.configured() ? ep.getBaseUrl().strip() : null, ep.signing(), ep.getCron(), ep.getPageSize(), cursors));
        }
        return ApiResponse.ok(new SyncViews.StatusView(sources, alerts.summary(), Backoff.MAX_ATTEMPTS));
    }

    @Operation(summary = "立即同步（后台运行，立即返回）")
    @PostMapping("/run")
    @SaCheckPermission("baseinfo:sync:run")
    @AuditAction("立即同步")
    public ApiResponse<SyncPuller.RunTicket> run(@RequestParam(required = false) String source) {
        return ApiResponse.ok(puller.runNow(SyncSource.parse(source, "source")));
    }

    @Operation(summary = "同步失败记录（分页）")
    @GetMapping("/failures")
    @SaCheckPermission("baseinfo:sync")
    public ApiResponse<PageResult<SyncViews.FailureView>> failures(SyncFailureFilter filter, PageQuery query) {
        boolean unmask = unmask();
        return ApiResponse.ok(store.page(filter, query).map(f -> view(f, unmask)));
    }

    @GetMapping("/failures/{id}")
    @SaCheckPermission("baseinfo:sync")
    public ApiResponse<SyncViews.FailureView> failure(@PathVariable long id) {
        return ApiResponse.ok(view(store.get(id), unmask()));
    }

    @Operation(summary = "重试一条失败记录")
    @PostMapping("/failures/{id}/retry")
    @SaCheckPermission("baseinfo:sync:run")
    @AuditAction("重试同步失败记录")
    public ApiResponse<SyncViews.FailureView> retry(@PathVariable long id) {
        return ApiResponse.ok(view(retrier.retry(id), unmask()));
    }

    @Operation(summary = "全部重试：按筛选条件重试未解决的失败记录（每次最多200条）")
    @PostMapping("/failures/retry-all")
    @SaCheckPermission("baseinfo:sync:run")
    @AuditAction("全部重试同步失败记录")
    public ApiResponse<SyncRetrier.RetryAllResult> retryAll(SyncFailureFilter filter) {
        return ApiResponse.ok(retrier.retryAll(filter));
    }

    @Operation(summary = "同步告警数（控制台角标）")
    @GetMapping("/alerts")
    @SaCheckPermission("baseinfo:sync")
    public ApiResponse<SyncAlertApi.Summary> alerts() {
        return ApiResponse.ok(alerts.summary());
    }

    private SyncViews.FailureView view(SyncFailure f, boolean unmask) {
        SyncSource s = SyncSource.valueOf(f.getSourceSystem());
        SyncEntity e = SyncEntity.valueOf(f.getEntity());
        String payload = store.payload(f);
        return new SyncViews.FailureView(f.getId(), s.name(), s.label(), e.name(), e.label(), f.getChannel(),
                f.getExternalKey(), f.getReason(), f.getAttempts() == null ? 0 : f.getAttempts(), f.getStatus(),
                f.getNextRetryAt(), f.getLastTriedAt(), f.getResolvedAt(), f.getCreatedAt(), f.getSubsidiaryId(),
                payload == null ? null : PayloadMasking.forDisplay(json, payload, unmask));
    }

    private static boolean unmask() {
        return SecurityContext.current()
                .map(u -> u.permissions() != null && u.hasPermission(PermissionCodes.UNMASK))
                .orElse(false);
    }
}
