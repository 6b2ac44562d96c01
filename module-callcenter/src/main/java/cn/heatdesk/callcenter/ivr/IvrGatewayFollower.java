package cn.heatdesk.callcenter.ivr;

import cn.heatdesk.callcenter.gateway.GatewayOrgFollower;
import org.springframework.stereotype.Component;

import java.util.List;

/** A gateway given to another station takes its IVR menus along (menu, nodes, keys, times carry the menu's scope). */
@Component
class IvrGatewayFollower implements GatewayOrgFollower {

    static final List<String> TABLES = List.of("cc_ivr_menu", "cc_ivr_node", "cc_ivr_key", "cc_ivr_time");

    private final IvrMapper mapper;

    IvrGatewayFollower(IvrMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void gatewayMoved(long gatewayId, long subsidiaryId, String orgPath) {
        for (String table : TABLES) {
            mapper.updateOrgOfGateway(table, gatewayId, subsidiaryId, orgPath);
        }
    }
}
