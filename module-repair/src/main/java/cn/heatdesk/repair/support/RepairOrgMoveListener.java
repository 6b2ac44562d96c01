package cn.heatdesk.repair.support;

import cn.heatdesk.settings.api.OrgPlacementChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Keeps every repair row (worker profiles, devices, sync log, check-ins, field media …) visible to the right
 * station leads after an org move: org paths under the moved node get the new prefix in the same transaction; a
 * station moved to another subsidiary takes its rows along. The one handler for all tables in
 * {@link RepairOrgPathMapper#TABLES}.
 */
@Component
class RepairOrgMoveListener {

    private final RepairOrgPathMapper mapper;

    RepairOrgMoveListener(RepairOrgPathMapper mapper) {
        this.mapper = mapper;
    }

    @EventListener
    public void onMove(OrgPlacementChanged e) {
        boolean subsidiaryChanged = e.newSubsidiaryId() != null && !Objects.equals(e.oldSubsidiaryId(), e.newSubsidiaryId());
        Long from = subsidiaryChanged ? e.oldSubsidiaryId() : null;
        Long to = subsidiaryChanged ? e.newSubsidiaryId() : null;
        for (String table : RepairOrgPathMapper.TABLES) {
            mapper.move(table, e.oldPath(), e.newPath(), from, to);
        }
    }
}
