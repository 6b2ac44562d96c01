package cn.heatdesk.baseinfo.support;

import cn.heatdesk.settings.api.OrgPlacementChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps base data visible to the right people after an org move: every table's org paths under the moved node
 * get the new prefix in the same transaction as the move (subsidiary ids stay: base data belongs to the
 * subsidiary that owns the heat network, not to the station serving it).
 */
@Component
class BaseinfoOrgMoveListener {

    static final List<String> TABLES = List.of("bi_node", "bi_node_log", "bi_coverage", "bi_customer",
            "bi_customer_phone", "bi_household", "bi_blacklist", "bi_payment", "bi_room_temp", "bi_import_job",
            "bi_sync_failure");

    private final OrgPathMapper mapper;

    BaseinfoOrgMoveListener(OrgPathMapper mapper) {
        this.mapper = mapper;
    }

    @EventListener
    public void onMove(OrgPlacementChanged e) {
        for (String table : TABLES) {
            mapper.movePaths(table, e.oldPath(), e.newPath());
        }
    }
}
