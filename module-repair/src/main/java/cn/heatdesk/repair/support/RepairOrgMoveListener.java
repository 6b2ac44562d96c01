package cn.heatdesk.repair.support;

import cn.heatdesk.settings.api.OrgPlacementChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Keeps worker profiles visible to the right station leads after an org move: org paths under the moved node get
 * the new prefix in the same transaction; a station moved to another subsidiary takes its workers along.
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
        mapper.moveWorkers(e.oldPath(), e.newPath(), from, to);
        mapper.moveAreas(e.oldPath(), e.newPath(), from, to);
    }
}
