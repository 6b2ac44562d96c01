package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.web.PageQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gateways, phones and queues on a real database: secrets at rest, the AMI directory, validation, scope. */
class GatewayServiceTest extends CallcenterDbTest {

    @Autowired
    CallcenterTestApplication.ChangedEvents changed;

    @Test
    void secretIsStoredEncryptedAndOnlyTheDirectoryDecryptsIt() {
        GatewayViews.GatewayView g = newGateway();
        String raw = jdbc.queryForObject("SELECT ami_secret_enc FROM cc_gateway WHERE id = ?", String.class, g.id());
        assertThat(raw).startsWith("v1:").doesNotContain("s3cret-ami");
        assertThat(g.amiSecretSet()).isTrue();
        assertThat(g.toString()).doesNotContain("s3cret-ami");
        GatewayEndpoint ep = gateways.find(g.id()).orElseThrow();
        assertThat(ep.amiSecret()).isEqualTo("s3cret-ami");
        assertThat(ep.toString()).doesNotContain("s3cret-ami");
        assertThat(ep.orgPath()).isEqualTo(FakeDirectory.ST01.orgPath());
        assertThat(ep.subsidiaryId()).isEqualTo(2L);
        assertThat(gateways.enabledGateways()).extracting(GatewayEndpoint::id).contains(g.id());
        assertThat(changed.ids).contains(g.id());
    }

    @Test
    void editWithBlankSecretKeepsItAndANewSecretReplacesIt() {
        GatewayViews.GatewayView g = newGateway();
        GatewayRequests.GatewaySave keep = new GatewayRequests.GatewaySave(g.code(), "改名网关", "STATION",
                FakeDirectory.ST02.id(), "10.1.1.1", 5039, "hd2", "", null, null, null, true, "备注", g.rowVersion());
        int before = changed.ids.size();
        GatewayViews.GatewayView v = asAdmin(() -> gateways.update(g.id(), keep));
        assertThat(v.name()).isEqualTo("改名网关");
        assertThat(v.stationOrgId()).isEqualTo(FakeDirectory.ST02.id());
        assertThat(gateways.find(g.id()).orElseThrow().amiSecret()).isEqualTo("s3cret-ami");
        assertThat(gateways.find(g.id()).orElseThrow().orgPath()).isEqualTo(FakeDirectory.ST02.orgPath());
        assertThat(changed.ids.size()).isGreaterThan(before);

        GatewayRequests.GatewaySave replace = new GatewayRequests.GatewaySave(g.code(), "改名网关", "STATION",
                FakeDirectory.ST02.id(), "10.1.1.1", 5039, "hd2", "new-secret", null, null, null, true, null, v.rowVersion());
        asAdmin(() -> gateways.update(g.id(), replace));
        assertThat(gateways.find(g.id()).orElseThrow().amiSecret()).isEqualTo("new-secret");

        // the old version is refused
        assertThatThrownBy(() -> asAdmin(() -> gateways.update(g.id(), replace)))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void validationNamesTheField() {
        String code = unique("GW");
        assertThatThrownBy(() -> asAdmin(() -> gateways.create(stationGateway(code, 999L, "x"))))
                .isInstanceOf(BizException.class).hasMessage("维修站不存在")
                .extracting(e -> ((BizException) e).field()).isEqualTo("stationOrgId");
        assertThatThrownBy(() -> asAdmin(() -> gateways.create(stationGateway(code, FakeDirectory.SUB.id(), "x"))))
                .hasMessageContaining("不是维修站");
        assertThatThrownBy(() -> asAdmin(() -> gateways.create(stationGateway(code, FakeDirectory.ST01.id(), " "))))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("amiSecret");
        GatewayViews.GatewayView g = newGateway();
        assertThatThrownBy(() -> asAdmin(() -> gateways.create(stationGateway(g.code().toLowerCase(), FakeDirectory.ST01.id(), "x"))))
                .isInstanceOf(BizException.class)
                .satisfies(e -> {
                    assertThat(((BizException) e).code()).isEqualTo(ErrorCode.DUPLICATE);
                    assertThat(((BizException) e).field()).isEqualTo("code");
                });
        GatewayRequests.GatewaySave agiHalf = new GatewayRequests.GatewaySave(unique("GW"), "x", "STATION",
                FakeDirectory.ST01.id(), "h", 5038, "u", "s", "10.0.0.1", null, null, true, null, null);
        assertThatThrownBy(() -> asAdmin(() -> gateways.create(agiHalf))).hasMessage("FastAGI 地址和端口须同时填写");
    }

    @Test
    void theHeadquartersGatewayIsGroupLevelAndOnlyGroupUsersConfigureIt() {
        GatewayRequests.GatewaySave hq = new GatewayRequests.GatewaySave(unique("HQ"), "总部网关", "HQ", null,
                "10.9.0.1", 5038, "heatdesk", "hq-secret", null, null, null, true, null, null);
        assertThatThrownBy(() -> as(SUB_ADMIN, () -> gateways.create(hq)))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        GatewayViews.GatewayView v = asAdmin(() -> gateways.create(hq));
        assertThat(v.kindLabel()).isEqualTo("总部网关");
        assertThat(gateways.find(v.id()).orElseThrow().subsidiaryId()).isEqualTo(GatewayService.GROUP_SUBSIDIARY);
        // a subsidiary admin does not see it (data scope on the list and on single reads)
        PageQuery q = new PageQuery();
        q.setSize(1000);
        assertThat(as(SUB_ADMIN, () -> gateways.page(new GatewayFilter(), q)).records())
                .extracting(GatewayViews.GatewayView::id).doesNotContain(v.id());
        assertThatThrownBy(() -> as(SUB_ADMIN, () -> gateways.get(v.id())))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(asAdmin(() -> gateways.page(new GatewayFilter(), q)).records())
                .extracting(GatewayViews.GatewayView::id).contains(v.id());
    }

    @Test
    void aGatewayInUseCannotBeDeletedButAnEmptyOneCan() {
        GatewayViews.GatewayView g = newGateway();
        GatewayViews.PhoneView p = newPhone(g.id(), "8001");
        assertThatThrownBy(() -> asAdmin(() -> gateways.delete(g.id())))
                .isInstanceOf(BizException.class).hasMessageContaining("1 部话机");
        asAdmin(() -> phones.delete(p.id()));
        asAdmin(() -> gateways.delete(g.id()));
        assertThat(gateways.find(g.id())).isEmpty();
    }

    @Test
    void phonesAreUniquePerGatewayAndTheirSipSecretIsEncrypted() {
        GatewayViews.GatewayView g = newGateway();
        GatewayViews.PhoneView p = newPhone(g.id(), "8001");
        assertThat(p.endpointName()).isEqualTo("8001");
        assertThat(p.sipSecretSet()).isTrue();
        assertThat(p.registered()).isNull();
        String raw = jdbc.queryForObject("SELECT sip_secret_enc FROM cc_phone WHERE id = ?", String.class, p.id());
        assertThat(raw).startsWith("v1:");
        assertThatThrownBy(() -> newPhone(g.id(), "8001"))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("extension");
        // the same extension on another gateway is another phone
        GatewayViews.GatewayView other = newGateway();
        assertThat(newPhone(other.id(), "8001").id()).isNotEqualTo(p.id());
    }

    @Test
    void deviceStateIsCachedOncePerChange() {
        GatewayViews.GatewayView g = newGateway();
        GatewayViews.PhoneView p = newPhone(g.id(), "8002");
        assertThat(phones.deviceState(g.id(), "PJSIP/8002", "NOT_INUSE")).isPresent();
        assertThat(phones.deviceState(g.id(), "PJSIP/8002", "NOT_INUSE")).isEmpty();
        assertThat(phones.deviceState(g.id(), "PJSIP/8002", "UNAVAILABLE")).get()
                .satisfies(ph -> assertThat(ph.getRegistered()).isZero());
        assertThat(phones.deviceState(g.id(), "Queue:repair_avail", "INUSE")).isEmpty();
        assertThat(asAdmin(() -> phones.get(p.id())).registered()).isFalse();
    }

    @Test
    void endpointsAreReadFromChannelAndInterfaceNames() {
        assertThat(PhoneService.endpointOf("PJSIP/8001-00000005")).isEqualTo("8001");
        assertThat(PhoneService.endpointOf("PJSIP/8001")).isEqualTo("8001");
        assertThat(PhoneService.endpointOf("pjsip/desk-a-0000000a")).isEqualTo("desk-a");
        assertThat(PhoneService.endpointOf("PJSIP/desk-a")).isEqualTo("desk-a");
        assertThat(PhoneService.endpointOf("Queue:repair_pause_PJSIP/8001")).isNull();
        assertThat(PhoneService.endpointOf("Local/8001@agents-00000001;1")).isNull();
        assertThat(PhoneService.endpointOf(null)).isNull();
    }

    @Test
    void queuesValidateSkillAndStrategy() {
        GatewayViews.GatewayView g = newGateway();
        GatewayViews.QueueView q = newQueue(g.id(), "repair", "REPAIR", 5);
        assertThat(q.skillLabel()).isEqualTo("报修");
        assertThat(q.wrapupSeconds()).isEqualTo(5);
        assertThatThrownBy(() -> newQueue(g.id(), "repair", "REPAIR", 5))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("queueName");
        assertThatThrownBy(() -> newQueue(g.id(), "other", "NO_SUCH_SKILL", 5))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("skillCode");
        assertThatThrownBy(() -> asAdmin(() -> queues.create(new GatewayRequests.QueueSave(g.id(), "x1", "x", "INQUIRY",
                "roundrobin", null, null, null, true, null, null))))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("strategy");
        assertThat(queues.skills()).extracting(s -> s.code()).contains("REPAIR", "COMPLAINT", "INQUIRY", "PAYMENT");
    }
}
