package cn.heatdesk.servicedesk.support;

import cn.heatdesk.settings.api.OrgPlacementChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps tickets visible to the right people after an org move (a station or subsidiary moved in the org tree):
 * org paths under the moved node get the new prefix in the same transaction as the move.
 */
@Component
class ServiceDeskOrgMoveListener {

    static final List<String> TABLES = List.of("sd_ticket", "sd_ticket_history", "sd_ticket_seq", "sd_deadline_rule",
            "sd_flow_node", "sd_visit", "sd_visit_template", "sd_ticket_file", "sd_ticket_collab");

    private final ServiceDeskPathMapper mapper;

    ServiceDeskOrgMoveListener(ServiceDeskPathMapper mapper) {
        this.mapper = mapper;
    }

    @EventListener
    public void onMove(OrgPlacementChanged e) {
        for (String table : TABLES) {
            mapper.movePaths(table, e.oldPath(), e.newPath());
        }
    }
}
