package cn.heatdesk.callcenter.demo;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.CallHandle;
import cn.heatdesk.callcenter.sim.PhoneHandle;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "模拟来电" and the simulated IP phone on the agent's desk, for the demo only: a customer calls the simulated
 * gateway (and presses a menu key), the agent's phone rings, is answered or hung up. Off the demo every call says the
 * demo is not running.
 */
@Tag(name = "呼叫中心-演示模拟")
@RestController
@RequestMapping("/api/callcenter/demo")
public class DemoController {

    public record DemoGateway(Long gatewayId, String code, String name, List<String> phones, List<String> queues) {
    }

    public record DemoInfo(boolean enabled, List<DemoGateway> gateways) {
    }

    public record CallRequest(Long gatewayId,
                              @NotBlank(message = "请填写来电号码") @Pattern(regexp = "^\\+?[0-9]{3,20}$", message = "来电号码应为 3 到 20 位数字") String callerNumber,
                              @Pattern(regexp = "^[0-9*#]{0,8}$", message = "按键只能是数字、* 或 #，最多 8 个") String digits) {
    }

    public record CallStarted(String linkedid, String channel) {
    }

    public record PhoneState(String extension, String state) {
    }

    private final ObjectProvider<CallCenterDemo> demo;
    private final GatewayDirectory directory;
    private final Map<String, CallHandle> calls = new ConcurrentHashMap<>();

    public DemoController(ObjectProvider<CallCenterDemo> demo, GatewayDirectory directory) {
        this.demo = demo;
        this.directory = directory;
    }

    @Operation(summary = "演示电话系统是否在运行及其模拟网关")
    @GetMapping
    @SaCheckPermission("callcenter:workbench")
    public ApiResponse<DemoInfo> info() {
        CallCenterDemo d = demo.getIfAvailable();
        if (d == null || !d.active()) {
            return ApiResponse.ok(new DemoInfo(false, List.of()));
        }
        List<DemoGateway> out = new ArrayList<>();
        d.simulators().forEach((id, sim) -> {
            GatewayEndpoint g = directory.find(id).orElse(null);
            out.add(new DemoGateway(id, g == null ? sim.config().systemName() : g.code(),
                    g == null ? sim.config().systemName() : g.name(),
                    sim.config().phones().keySet().stream().toList(),
                    sim.config().queues().stream().map(q -> q.name()).toList()));
        });
        return ApiResponse.ok(new DemoInfo(true, out));
    }

    @Operation(summary = "模拟来电：客户拨入模拟网关，听到语音导航后按键（默认 1 = 报修，进入报修队列）")
    @PostMapping("/calls")
    @SaCheckPermission("callcenter:workbench")
    public ApiResponse<CallStarted> call(@Valid @RequestBody CallRequest req) {
        AsteriskSimulator sim = simulator(req.gatewayId());
        CallHandle call = sim.incomingCall(req.callerNumber(), "模拟客户", sim.config().did());
        calls.put(call.linkedid(), call);
        String digits = req.digits() == null ? "1" : req.digits();
        if (!digits.isEmpty()) {
            // the menu key comes once the IVR waits for it, as a customer would press it
            Thread t = new Thread(() -> {
                if (call.awaitInput(Duration.ofSeconds(30))) {
                    call.press(digits);
                }
            }, "demo-dtmf-" + call.linkedid());
            t.setDaemon(true);
            t.start();
        }
        calls.entrySet().removeIf(e -> e.getValue().isHungUp());
        return ApiResponse.ok(new CallStarted(call.linkedid(), call.channel()));
    }

    @Operation(summary = "模拟客户挂机")
    @PostMapping("/calls/{linkedid}/hangup")
    @SaCheckPermission("callcenter:workbench")
    public ApiResponse<Map<String, String>> callerHangup(@PathVariable String linkedid) {
        CallHandle call = calls.remove(linkedid);
        if (call == null || call.isHungUp()) {
            throw BizException.notFound("模拟通话");
        }
        call.hangup();
        return ApiResponse.ok(Map.of("linkedid", linkedid));
    }

    @Operation(summary = "模拟坐席桌面上的 IP 话机：接听 / 拒接 / 挂断")
    @PostMapping("/phones/{extension}/{action}")
    @SaCheckPermission("callcenter:workbench")
    public ApiResponse<PhoneState> phone(@PathVariable String extension, @PathVariable String action,
                                         @RequestParam(required = false) Long gatewayId) {
        AsteriskSimulator sim = simulator(gatewayId);
        if (!sim.config().phones().containsKey(extension)) {
            throw BizException.invalid("extension", "模拟网关上没有分机 " + extension);
        }
        PhoneHandle phone = sim.phone(extension);
        boolean done = switch (action) {
            case "answer" -> phone.answer();
            case "reject" -> phone.reject();
            case "hangup" -> phone.hangup();
            default -> throw BizException.invalid("action", "话机操作只能是 answer（接听）、reject（拒接）或 hangup（挂断）");
        };
        if (!done) {
            throw BizException.conflict(switch (action) {
                case "answer", "reject" -> "分机 " + extension + " 没有正在振铃的来电";
                default -> "分机 " + extension + " 当前没有通话";
            });
        }
        return ApiResponse.ok(new PhoneState(extension, phone.deviceState()));
    }

    private AsteriskSimulator simulator(Long gatewayId) {
        CallCenterDemo d = demo.getIfAvailable();
        if (d == null || !d.active()) {
            throw BizException.conflict("演示电话系统未运行（仅在演示环境中提供模拟来电）");
        }
        return d.simulator(gatewayId).orElseThrow(() -> BizException.invalid("gatewayId", "该网关不是演示模拟网关"));
    }
}
