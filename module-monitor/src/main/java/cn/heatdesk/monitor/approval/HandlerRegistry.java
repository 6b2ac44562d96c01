package cn.heatdesk.monitor.approval;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.monitor.api.ApprovalBizTypes;
import cn.heatdesk.monitor.api.ApprovalHandler;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link ApprovalHandler} beans by business type (one each). */
@Component
public class HandlerRegistry {

    private final Map<String, ApprovalHandler> byType = new HashMap<>();

    public HandlerRegistry(List<ApprovalHandler> handlers) {
        for (ApprovalHandler h : handlers) {
            ApprovalHandler previous = byType.put(h.bizType(), h);
            if (previous != null) {
                throw new IllegalStateException("two approval handlers for " + h.bizType() + ": "
                        + previous.getClass().getName() + ", " + h.getClass().getName());
            }
        }
    }

    public ApprovalHandler require(String bizType) {
        ApprovalHandler h = bizType == null ? null : byType.get(bizType);
        if (h == null) {
            throw BizException.invalid("bizType", "业务类型“" + bizType + "”不支持审批");
        }
        return h;
    }

    public String actionLabel(String bizType, String action) {
        ApprovalHandler h = bizType == null ? null : byType.get(bizType);
        return h == null ? action : h.actionLabel(action);
    }

    /** a type chains may be configured for: a known type (its module may arrive later) or one with a handler */
    public boolean configurable(String bizType) {
        return bizType != null && (ApprovalBizTypes.ALL.contains(bizType) || byType.containsKey(bizType));
    }
}
