package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.kernel.error.BizException;

import java.util.Locale;

/** Filters of the failure list (query parameters). Values are checked by {@link SyncFailureFilter#validated()}. */
public class SyncFailureFilter {

    /** PENDING or ABANDONED: everything not resolved yet */
    public static final String OPEN = "OPEN";

    private String status;
    private String source;
    private String entity;
    private String channel;
    private String keyword;

    public SyncFailureFilter validated() {
        status = upper(status);
        source = upper(source);
        entity = upper(entity);
        channel = upper(channel);
        keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
        if (status != null && !OPEN.equals(status) && !SyncStore.STATUSES.contains(status)) {
            throw BizException.invalid("status",
                    "状态“" + status + "”不存在（可选 OPEN 未解决、PENDING 待重试、ABANDONED 已放弃、RESOLVED 已解决）");
        }
        if (source != null) {
            SyncSource.parse(source, "source");
        }
        if (entity != null) {
            SyncEntity.parse(entity, "entity");
        }
        if (channel != null && !channel.equals("PULL") && !channel.equals("PUSH")) {
            throw BizException.invalid("channel", "渠道只能是 PULL（定时拉取）或 PUSH（实时推送）");
        }
        if (keyword != null && keyword.length() > 100) {
            throw BizException.invalid("keyword", "关键字不能超过100个字");
        }
        return this;
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword;
    }
}
