package cn.heatdesk.callcenter.bundle;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.callcenter.gateway.CallcenterPermissions;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The gateway's Asterisk configuration bundle. It carries the AMI and SIP secrets, so it needs the gateway editing
 * permission and every download — refused ones included — is audited (GET audited through includeRead).
 */
@Tag(name = "呼叫中心-网关 Asterisk 配置包")
@RestController
@RequestMapping("/api/callcenter/gateways/{id}/asterisk-config")
public class AsteriskBundleController {

    private final AsteriskBundleService bundles;

    public AsteriskBundleController(AsteriskBundleService bundles) {
        this.bundles = bundles;
    }

    public record BundleFile(String name, int size) {
    }

    /** what the download would contain, without any content */
    public record BundlePreview(String gatewayCode, String zipName, List<BundleFile> files, List<String> placeholders,
                                List<String> warnings) {
    }

    @Operation(summary = "下载网关的 Asterisk 配置包（zip：manager.conf、pjsip.conf、queues.conf、extensions.conf 等及安装说明；含密码，记审计）")
    @GetMapping
    @SaCheckPermission(CallcenterPermissions.GATEWAY_EDIT)
    @AuditAction(value = "下载网关 Asterisk 配置包", includeRead = true)
    public ResponseEntity<byte[]> download(@PathVariable long id) {
        AsteriskBundle b = bundles.render(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(b.zipName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(b.zip());
    }

    @Operation(summary = "预览网关 Asterisk 配置包：文件名与大小、待 IT 填写的占位符、提示（不含文件内容）")
    @GetMapping("/preview")
    @SaCheckPermission(CallcenterPermissions.GATEWAY_EDIT)
    public ApiResponse<BundlePreview> preview(@PathVariable long id) {
        AsteriskBundle b = bundles.render(id);
        List<BundleFile> files = b.files().keySet().stream().map(n -> new BundleFile(n, b.bytes(n).length)).toList();
        return ApiResponse.ok(new BundlePreview(b.gatewayCode(), b.zipName(), files, b.placeholders(), b.warnings()));
    }
}
