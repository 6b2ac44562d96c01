package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.signing.ApiClientContext;
import cn.heatdesk.kernel.web.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Real-time push from the billing system and the smart heat network (contract: docs/integrations/billing.md,
 * heatnet.md). Under /api/open/**: no login; every request is HMAC-SM3 signed by an integration app and checked by
 * the kernel's ApiSignatureFilter before it gets here (bad signature, expired time or reused nonce: 401, nothing
 * written). Answers one result per record; rejected records are kept as sync failures and retried.
 */
@Tag(name = "开放接口：计费与热网推送")
@RestController
@RequestMapping("/api/open")
public class OpenSyncController {

    private final SyncIntake intake;

    public OpenSyncController(SyncIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "计费系统推送房屋变更（JSON 数组，最多1000条）")
    @PostMapping("/billing/households")
    @AuditAction("计费系统推送房屋")
    public ApiResponse<List<PushResult>> households(@RequestBody(required = false) JsonNode body) {
        return ApiResponse.ok(intake.pushedHouseholds(body, ApiClientContext.require()));
    }

    @Operation(summary = "计费系统推送交退费（JSON 数组，最多1000条）")
    @PostMapping("/billing/payments")
    @AuditAction("计费系统推送交退费")
    public ApiResponse<List<PushResult>> payments(@RequestBody(required = false) JsonNode body) {
        return ApiResponse.ok(intake.pushedPayments(body, ApiClientContext.require()));
    }

    @Operation(summary = "智慧热网推送室温（JSON 数组，最多1000条）")
    @PostMapping("/heatnet/temperatures")
    @AuditAction("智慧热网推送室温")
    public ApiResponse<List<PushResult>> temperatures(@RequestBody(required = false) JsonNode body) {
        return ApiResponse.ok(intake.pushedTemperatures(body, ApiClientContext.require()));
    }
}
