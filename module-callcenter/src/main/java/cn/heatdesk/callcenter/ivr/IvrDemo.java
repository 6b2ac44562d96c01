package cn.heatdesk.callcenter.ivr;

import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayMapper;
import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo hotline's menu (热线 4930123456 on the headquarters gateway, made by the call-center demo just before):
 * 1 报修, 2 投诉, 3 咨询, 9 自助查询工单, 0 人工, * 重听; 08:00-20:00 every day, otherwise a message. Made once through
 * the real service, so it can be edited in 语音导航 like any other menu.
 */
@Component
@Order(61)
public class IvrDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IvrDemo.class);
    static final String GATEWAY = "GW-HQ";
    static final String HOTLINE = "4930123456";

    private final HeatDeskProperties properties;
    private final IvrService service;
    private final IvrMapper menus;
    private final GatewayMapper gateways;
    private final UserApi users;

    public IvrDemo(HeatDeskProperties properties, IvrService service, IvrMapper menus, GatewayMapper gateways,
                   UserApi users) {
        this.properties = properties;
        this.service = service;
        this.menus = menus;
        this.gateways = gateways;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isDemo()) {
            return;
        }
        Gateway hq = gateways.selectByCode(GATEWAY);
        Optional<UserInfo> admin = users.findByUsername("admin");
        if (hq == null || admin.isEmpty() || menus.selectByHotline(hq.getId(), HOTLINE) != null) {
            return;
        }
        UserInfo a = admin.get();
        CurrentUser as = new CurrentUser(a.id(), a.username(), a.realName(), a.subsidiaryId(), a.orgId(), a.orgPath(),
                DataScope.ALL, List.of(), Set.of("*"), Set.of("GROUP_ADMIN"));
        try {
            SecurityContext.callAs(as, () -> service.create(menu(hq.getId())));
            log.info("demo IVR menu created for hotline {}", HOTLINE);
        } catch (RuntimeException e) {
            // a demo without the menu still answers calls with the static dialplan menu
            log.warn("demo IVR menu not created: {}", e.toString());
        }
    }

    static IvrRequests.MenuSave menu(long gatewayId) {
        List<IvrRequests.WorkHours> hours = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(d -> new IvrRequests.WorkHours(d, "08:00", "20:00")).toList();
        return new IvrRequests.MenuSave(gatewayId, HOTLINE, "供热服务热线", "main", "inquiry", "VOICEMAIL", null,
                "custom/closed", hours, List.of(), List.of(new IvrRequests.NodeSave("main", "主菜单", "custom/welcome", 6, 2,
                "invalid", "custom/no-input", "OPERATOR", null, List.of(
                new IvrRequests.KeySave("1", "QUEUE", "repair", "报修"),
                new IvrRequests.KeySave("2", "QUEUE", "complaint", "投诉"),
                new IvrRequests.KeySave("3", "QUEUE", "inquiry", "咨询"),
                new IvrRequests.KeySave("9", "SELF_SERVICE", null, "自助查询工单"),
                new IvrRequests.KeySave("0", "OPERATOR", null, "人工服务"),
                new IvrRequests.KeySave("*", "REPEAT", null, "重听")))), true, "演示数据", null);
    }
}
