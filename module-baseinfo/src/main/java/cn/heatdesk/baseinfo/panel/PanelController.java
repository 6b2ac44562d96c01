package cn.heatdesk.baseinfo.panel;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.baseinfo.household.Household;
import cn.heatdesk.baseinfo.household.HouseholdMapper;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.household.ScopeCheck;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 360 view in the console. Reads go through the unscoped fast path of {@link PanelService}; the user's data
 * scope is applied here to the households found (agents have ALL scope; a station lead sees only its own).
 */
@Tag(name = "客户全景")
@RestController
@RequestMapping("/api/baseinfo/panel")
public class PanelController {

    private final PanelService panels;
    private final HouseholdMapper households;
    private final DictionaryApi dicts;
    private final OrgApi orgs;

    public PanelController(PanelService panels, HouseholdMapper households, DictionaryApi dicts, OrgApi orgs) {
        this.panels = panels;
        this.households = households;
        this.dicts = dicts;
        this.orgs = orgs;
    }

    @Operation(summary = "房屋全景：房屋、客户与电话、楼宇路径、工单、交退费、室温、黑名单")
    @GetMapping("/households/{id}")
    @SaCheckPermission("baseinfo:panel")
    public ApiResponse<PanelViews.HouseholdPanelView> household(@PathVariable long id) {
        CurrentUser user = SecurityContext.require();
        Household h = households.selectByIdUnscoped(id);
        if (h == null || !visible(user, h)) {
            throw BizException.notFound("房屋");
        }
        return ApiResponse.ok(view(panels.panelOf(h)));
    }

    @Operation(summary = "来电全景：号码绑定的全部房屋、第一户的全景、号码的黑名单状态")
    @GetMapping("/by-phone")
    @SaCheckPermission("baseinfo:panel")
    public ApiResponse<PanelViews.CallerPanelView> byPhone(@RequestParam(required = false) String phone) {
        if (PanelService.callerNumber(phone) == null) {
            throw BizException.invalid("phone", "请输入正确的来电号码");
        }
        CurrentUser user = SecurityContext.require();
        CallerPanel c = panels.caller(phone, found -> found.stream().filter(h -> visible(user, h)).toList());
        return ApiResponse.ok(PanelViews.CallerPanelView.of(c, c.panel() == null ? null : view(c.panel())));
    }

    private static boolean visible(CurrentUser user, Household h) {
        return ScopeCheck.visible(user, h.getSubsidiaryId(), h.getOrgPath(), h.getCreatedBy());
    }

    private PanelViews.HouseholdPanelView view(HouseholdPanel p) {
        String label = dicts.label(HouseholdWriter.HEATING_STATUS_DICT, p.household().heatingStatus());
        String station = p.stationId() == null ? null : orgs.find(p.stationId()).map(OrgInfo::orgName).orElse(null);
        return PanelViews.HouseholdPanelView.of(p, label, station);
    }
}
