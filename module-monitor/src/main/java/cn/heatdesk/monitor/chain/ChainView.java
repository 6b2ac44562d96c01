package cn.heatdesk.monitor.chain;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A chain as the configuration page shows it.
 *
 * @param scopeOrgId null for the group default
 * @param editable   the current user may change it (group users: all; subsidiary users: their own overrides)
 */
public record ChainView(Long id, String bizType, String bizTypeLabel, String action, String actionLabel,
                        Long scopeOrgId, String scopeName, String chainName, boolean enabled, String remark,
                        List<StepView> steps, boolean editable, int rowVersion, LocalDateTime updatedAt) {

    public record StepView(int levelNo, String approverLevel, String approverLevelLabel, String approverRole,
                           String approverRoleLabel, Integer timeoutMinutes) {
    }
}
