package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.settings.api.OrgPlacementChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Objects;

/** Field media rows under a moved org get its new path (and subsidiary) in the same transaction, like rp_worker. */
@Component
class FieldMediaOrgMoveListener {

    private final FieldMediaMapper mapper;

    FieldMediaOrgMoveListener(FieldMediaMapper mapper) {
        this.mapper = mapper;
    }

    @EventListener
    public void onMove(OrgPlacementChanged e) {
        boolean subsidiaryChanged = e.newSubsidiaryId() != null && !Objects.equals(e.oldSubsidiaryId(), e.newSubsidiaryId());
        Long from = subsidiaryChanged ? e.oldSubsidiaryId() : null;
        Long to = subsidiaryChanged ? e.newSubsidiaryId() : null;
        mapper.moveUploads(e.oldPath(), e.newPath(), from, to);
        mapper.moveMedia(e.oldPath(), e.newPath(), from, to);
        mapper.moveLinks(e.oldPath(), e.newPath(), from, to);
        mapper.moveSignatures(e.oldPath(), e.newPath(), from, to);
        mapper.moveTemps(e.oldPath(), e.newPath(), from, to);
    }
}
