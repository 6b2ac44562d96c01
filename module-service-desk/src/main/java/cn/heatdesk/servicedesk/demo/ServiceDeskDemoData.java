package cn.heatdesk.servicedesk.demo;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketCreate;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketView;
import cn.heatdesk.servicedesk.ticket.TicketService;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import cn.heatdesk.kernel.web.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A handful of demo work orders in every pool, made through the real write path as the demo agent so their
 * timelines are genuine: waiting to be dispatched, at ST01 waiting for the lead, assigned to worker01, waiting for
 * the return visit, closed, supervised and an over-level complaint. Runs once (skipped when any ticket exists);
 * {@code heatdesk.servicedesk.demo-data=false} leaves it out.
 */
@Component
@Order(40)
class ServiceDeskDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ServiceDeskDemoData.class);

    private final HeatDeskProperties properties;
    private final boolean enabled;
    private final TicketService tickets;
    private final HouseholdApi households;
    private final UserApi users;

    ServiceDeskDemoData(HeatDeskProperties properties, @Value("${heatdesk.servicedesk.demo-data:true}") boolean enabled,
                        TicketService tickets, HouseholdApi households, UserApi users) {
        this.properties = properties;
        this.enabled = enabled;
        this.tickets = tickets;
        this.households = households;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isDemo() || !enabled) {
            return;
        }
        UserInfo agent = users.findByUsername("agent01").orElse(null);
        UserInfo worker = users.findByUsername("worker01").orElse(null);
        List<HouseholdSummary> caller = households.findByPhone("13800138000");
        if (agent == null || worker == null || caller.isEmpty()) {
            return;
        }
        CurrentUser as = new CurrentUser(agent.id(), agent.username(), agent.realName(), agent.subsidiaryId(), agent.orgId(),
                agent.orgPath(), DataScope.ALL, List.of(), Set.of("*"), Set.of("AGENT"));
        SecurityContext.callAs(as, () -> {
            if (tickets.search(TicketFilter.empty(), new PageQuery()).total() > 0) {
                return null;
            }
            long hh = caller.get(0).id();
            create("REPAIR", "URGENT", "PHONE", hh, "卧室暖气片上热下凉，室温 15 度", false);
            create("INQUIRY", "NORMAL", "WEB", hh, "咨询本采暖季停暖申请需要哪些材料", false);
            TicketView dispatched = create("REPAIR", "NORMAL", "PHONE", hh, "厨房暖气管接头滴水", true);
            TicketView assigned = create("TEMP_CHECK", "NORMAL", "APP", hh, "客户反映室温偏低，申请上门测温", true);
            perform(assigned, new TicketCommand(TicketAction.ASSIGN, null, null, null, null, worker.id(), null, null, null, null, null, null));
            TicketView done = create("REPAIR", "NORMAL", "PHONE", hh, "客厅地暖分水器阀门打不开", true);
            done = perform(done, new TicketCommand(TicketAction.ASSIGN, null, null, null, null, worker.id(), null, null, null, null, null, null));
            perform(done, new TicketCommand(TicketAction.COMPLETE, null, null, null, null, null, null, null, null, null, null,
                    Map.of("handlingResult", "更换分水器阀芯，试压正常", "parts", "阀芯 ×1", "durationMinutes", 35)));
            TicketView closed = create("COMPLAINT", "NORMAL", "HOTLINE_12345", hh, "投诉维修人员未按约定时间上门", true);
            closed = perform(closed, new TicketCommand(TicketAction.CLOSE_DIRECT, null, "站长致电客户致歉并重新约定时间，已上门处理", null,
                    null, null, null, null, null, null, null, null));
            perform(closed, new TicketCommand(TicketAction.VISIT, null, null, "客户表示认可", null, null, null, null, 5, "SATISFIED", null,
                    Map.of("templateCode", "COMPLAINT_STD")));
            create("SUPERVISION", "URGENT", "PHONE", hh, "集团督办：小区整栋楼供热不足，限期处理", true);
            create("OVER_LEVEL_COMPLAINT", "URGENT", "HOTLINE_12345", hh, "多次报修未解决，客户越级投诉至集团", false);
            log.info("demo work orders created");
            return null;
        });
    }

    private TicketView create(String type, String urgency, String source, long householdId, String content, boolean dispatch) {
        return tickets.create(new TicketCreate(type, source, urgency, householdId, "13800138000", null, null, null, content,
                null, null, null, null, dispatch, null, null, null, null), TicketOrigin.WEB);
    }

    private TicketView perform(TicketView t, TicketCommand cmd) {
        return tickets.perform(t.ticket().id(), cmd, TicketOrigin.WEB);
    }
}
