package cn.heatdesk.callcenter.supervisor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the supervisor endpoints. Ids travel as strings (snowflakes exceed JavaScript's integers). */
public final class SupervisorRequests {

    private SupervisorRequests() {
    }

    /**
     * A waiting caller (gateway + linkedid from the queue board) moved to the front of its queue (mode FRONT) or to
     * a free agent (mode AGENT with agentId).
     */
    public record Prioritize(@NotBlank(message = "请指定网关") String gatewayId,
                             @NotBlank(message = "请指定排队中的来电") @Size(max = 64, message = "来电编号过长") String linkedid,
                             @NotBlank(message = "请选择优先方式") String mode,
                             String agentId) {
    }
}
