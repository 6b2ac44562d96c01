package cn.heatdesk.callcenter.cti;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the call-control endpoints. */
public final class CtiRequests {

    private CtiRequests() {
    }

    /** kind AGENT (target = job number), QUEUE (queue name) or NUMBER (outside number) */
    public record Transfer(@NotBlank(message = "请选择转接类型") String kind,
                           @NotBlank(message = "请填写转接目标") @Size(max = 40, message = "转接目标过长") String target) {
    }

    /** the colleague whose ringing call is picked up (job number); empty = any ringing colleague on my gateway */
    public record Pickup(@Size(max = 40) String jobNo) {
    }

    /** click-to-dial; householdId only travels along as a channel variable for the record */
    public record Dial(@NotBlank(message = "请填写要拨打的号码") @Size(max = 40, message = "号码过长") String number,
                       Long householdId) {
    }
}
