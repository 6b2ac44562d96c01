package cn.heatdesk.callcenter.support;

import cn.heatdesk.settings.api.OrgPlacementChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * An org node moved (a station under another branch or subsidiary): every call-center row under it — gateways,
 * phones, queues, agents, call records, recordings, IVR menus … — gets the new path prefix in the move's transaction,
 * so the new parents' supervisors see the station's calls and the old ones no longer do; a subtree moved to another
 * subsidiary takes its rows along. The one handler for all tables in {@link CallcenterOrgPathMapper#TABLES}.
 */
@Component
class CallcenterOrgMoveListener {

    private final CallcenterOrgPathMapper mapper;

    CallcenterOrgMoveListener(CallcenterOrgPathMapper mapper) {
        this.mapper = mapper;
    }

    @EventListener
    public void onMove(OrgPlacementChanged e) {
        boolean subsidiaryChanged = e.newSubsidiaryId() != null && !Objects.equals(e.oldSubsidiaryId(), e.newSubsidiaryId());
        Long from = subsidiaryChanged ? e.oldSubsidiaryId() : null;
        Long to = subsidiaryChanged ? e.newSubsidiaryId() : null;
        for (String table : CallcenterOrgPathMapper.TABLES) {
            mapper.move(table, e.oldPath(), e.newPath(), from, to);
        }
    }
}
