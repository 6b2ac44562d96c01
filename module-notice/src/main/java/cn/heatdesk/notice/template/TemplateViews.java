package cn.heatdesk.notice.template;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Template views and requests of 通知模板. */
public final class TemplateViews {

    private TemplateViews() {
    }

    /** @param params the parameters the event supplies (what the template may use) */
    public record TemplateView(Long id, String eventCode, String eventName, String channel, String channelLabel,
                               String titleTpl, String contentTpl, String extTemplateId, boolean enabled,
                               String remark, Integer rowVersion, String updatedByName, LocalDateTime updatedAt,
                               List<String> params) {
    }

    /** @param rowVersion the version the editor saw (409 when someone saved in between) */
    public record Update(String titleTpl, String contentTpl, String extTemplateId, Boolean enabled, String remark,
                         Integer rowVersion) {
    }

    /**
     * Render a template text without saving it. Missing params are filled with samples.
     *
     * @param eventCode optional: picks the event's parameters for the samples
     */
    public record PreviewRequest(String eventCode, String channel, String titleTpl, String contentTpl,
                                 Map<String, Object> params) {
    }

    /**
     * @param unknown     placeholders the event does not supply (would always print empty)
     * @param length      characters of the content
     * @param smsSegments SMS messages the content takes (70 characters alone, 67 per part when split)
     */
    public record Preview(String title, String content, List<String> placeholders, List<String> unknown,
                          int length, int smsSegments) {
    }

    public record EventView(String code, String name, List<String> params) {
    }
}
