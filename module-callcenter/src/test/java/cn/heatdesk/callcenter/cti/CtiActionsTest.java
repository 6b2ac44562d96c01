package cn.heatdesk.callcenter.cti;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact AMI text of every call-control step, serialised by asterisk-java's own ActionBuilder (what goes on the
 * wire), including the two action classes asterisk-java lacks (BlindTransfer, CancelAtxfer).
 */
class CtiActionsTest {

    static final String MINE = "PJSIP/8001-0000001e";
    static final String PEER = "PJSIP/9000-0000001d";

    /** the action as asterisk-java writes it, as ordered "Key: value" lines (ActionID and blank line left out) */
    static List<String> wire(ManagerAction action) throws Exception {
        Class<?> builder = Class.forName("org.asteriskjava.manager.internal.ActionBuilderImpl");
        Constructor<?> c = builder.getDeclaredConstructor();
        c.setAccessible(true);
        Method build = builder.getDeclaredMethod("buildAction", ManagerAction.class, String.class);
        build.setAccessible(true);
        Method version = builder.getDeclaredMethod("setTargetVersion", AsteriskVersion.class);
        version.setAccessible(true);
        Object b = c.newInstance();
        // what the ManagerConnection sets after detecting the gateway's version (one Variable header per variable)
        version.invoke(b, AsteriskVersion.ASTERISK_22);
        String text = (String) build.invoke(b, action, null);
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n")) {
            if (!l.isEmpty() && !l.toLowerCase().startsWith("actionid:")) {
                lines.add(l);
            }
        }
        return lines;
    }

    @Test
    void hangupSendsMyChannelWithNormalClearing() throws Exception {
        assertThat(wire(CtiActions.hangup(MINE))).containsExactlyInAnyOrder("action: Hangup", "channel: " + MINE,
                "cause: 16");
    }

    @Test
    void hangupMarkSetsTheAgentOnMyLegForTheRecord() throws Exception {
        assertThat(wire(CtiActions.hangupMark(MINE, 4711L))).containsExactlyInAnyOrder("action: SetVar",
                "channel: " + MINE, "variable: CTI_HANGUP", "value: 4711");
    }

    @Test
    void holdIsOneDualRedirectIntoTheHoldContexts() throws Exception {
        assertThat(wire(CtiActions.hold(PEER, MINE))).containsExactlyInAnyOrder("action: Redirect",
                "channel: " + PEER, "context: cti-hold", "exten: s", "priority: 1",
                "extrachannel: " + MINE, "extracontext: cti-hold-agent", "extraexten: s", "extrapriority: 1");
    }

    @Test
    void resumeBridgesMyLegAndTheHeldOneWithoutTone() throws Exception {
        assertThat(wire(CtiActions.resume(MINE, PEER))).containsExactlyInAnyOrder("action: Bridge",
                "channel1: " + MINE, "channel2: " + PEER);
    }

    @Test
    void blindTransferHasTheFieldsOfAsterisk22sManagerDocs() throws Exception {
        assertThat(wire(CtiActions.blindTransfer(MINE, "8002"))).containsExactlyInAnyOrder("action: BlindTransfer",
                "channel: " + MINE, "context: transfer-targets", "exten: 8002");
    }

    @Test
    void consultationIsAtxferWithoutPriorityAndCancelIsCancelAtxfer() throws Exception {
        assertThat(wire(CtiActions.consult(MINE, "repair"))).containsExactlyInAnyOrder("action: Atxfer",
                "channel: " + MINE, "exten: repair", "context: transfer-targets");
        assertThat(wire(CtiActions.cancelConsult(MINE))).containsExactlyInAnyOrder("action: CancelAtxfer",
                "channel: " + MINE);
    }

    @Test
    void swapIsTheFeatureCodeReceivedOneDigitPerPlayDtmf() throws Exception {
        List<PlayDtmfAction> swap = CtiActions.swap(MINE, "*4");
        assertThat(swap).hasSize(2);
        assertThat(wire(swap.get(0))).containsExactlyInAnyOrder("action: PlayDTMF", "channel: " + MINE, "digit: *",
                "receive: true");
        assertThat(wire(swap.get(1))).contains("digit: 4", "receive: true");
    }

    @Test
    void pickupRedirectsTheCallerToMyExtension() throws Exception {
        assertThat(wire(CtiActions.pickup(PEER, "8001"))).containsExactlyInAnyOrder("action: Redirect",
                "channel: " + PEER, "context: transfer-targets", "exten: 8001", "priority: 1");
    }

    @Test
    void clickToDialIsAsyncOriginateWithChannelIdAsInFixtureF() throws Exception {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CTI_AGENT", "A001");
        vars.put("CTI_CALLBACK_OF", "42");
        List<String> w = wire(CtiActions.clickToDial("8001", "8001", "张\"三", "13800138000", "hd-c2d-7", vars));
        assertThat(w).contains("action: Originate", "channel: PJSIP/8001", "context: click-to-dial",
                "exten: 13800138000", "priority: 1", "callerid: \"张三\" <8001>", "timeout: 30000", "async: true",
                "channelid: hd-c2d-7", "variable: CTI_AGENT=A001", "variable: CTI_CALLBACK_OF=42");
        assertThat(w).noneMatch(l -> l.startsWith("otherchannelid") || l.startsWith("application"));
    }

    @Test
    void asteriskErrorsAreSaidInChinese() {
        assertThat(AsteriskMessages.translate("Channel does not exist: PJSIP/8001-00000001")).startsWith("通话通道已不存在")
                .contains("PJSIP/8001-00000001");
        assertThat(AsteriskMessages.translate("Transfer invalid")).startsWith("当前通话没有接通的对方");
        assertThat(AsteriskMessages.translate("No attended transfer feature found")).contains("atxfer");
        assertThat(AsteriskMessages.translate("Something new")).isEqualTo("网关返回错误【Something new】");
    }
}
