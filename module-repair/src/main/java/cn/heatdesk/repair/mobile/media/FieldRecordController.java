package cn.heatdesk.repair.mobile.media;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The field record of a ticket for the console's ticket drawer; visible to whoever may see the ticket. */
@Tag(name = "维修中心-现场记录")
@RestController
@RequestMapping("/api/repair/tickets")
public class FieldRecordController {

    private final FieldMediaService media;

    public FieldRecordController(FieldMediaService media) {
        this.media = media;
    }

    @Operation(summary = "工单的现场记录：照片/视频/录音、语音上报、客户电子签名（SM3 与服务器时间）、测温")
    @GetMapping("/{id}/field-record")
    @SaCheckPermission(value = {"servicedesk:ticket", "repair:pool", "monitor:ticket"}, mode = SaMode.OR)
    public ApiResponse<FieldRecordViews.FieldRecord> fieldRecord(@PathVariable long id) {
        return ApiResponse.ok(media.fieldRecord(id));
    }
}
