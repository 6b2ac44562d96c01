package cn.heatdesk.callcenter.ivr;

import java.time.LocalDateTime;
import java.util.List;

/** What the IVR menu screen shows. Ids are boxed so JSON carries them as strings. */
public final class IvrViews {

    private IvrViews() {
    }

    public record MenuView(Long id, Long gatewayId, String gatewayName, String hotline, String menuName, String rootNode,
                           String operatorQueue, String offHoursAction, String offHoursTarget, String offHoursPrompt,
                           List<IvrRequests.WorkHours> workHours, List<String> holidays, List<NodeView> nodes,
                           boolean enabled, String remark, int rowVersion, LocalDateTime updatedAt) {
    }

    public record NodeView(String code, String name, String prompt, int timeoutSeconds, int maxRetries,
                           String invalidPrompt, String timeoutPrompt, String failAction, String failTarget,
                           List<KeyView> keys) {
    }

    public record KeyView(String digit, String action, String actionLabel, String target, String label) {
    }

    public record ActionOption(String code, String label, boolean needsTarget) {
    }
}
