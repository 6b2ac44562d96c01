package cn.heatdesk.callcenter.cti;

import cn.heatdesk.callcenter.call.CallTracker;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AMI actions of each call-control step, built in one place so the exact fields are unit-tested. Channel names
 * are the live names read from CoreShowChannels ({@code PJSIP/8001-0000001e}).
 */
public final class CtiActions {

    /** normal clearing */
    static final int CAUSE_NORMAL = 16;

    private CtiActions() {
    }

    /** hang up my leg */
    public static HangupAction hangup(String myChannel) {
        HangupAction a = new HangupAction(myChannel);
        a.setCause(CAUSE_NORMAL);
        return a;
    }

    /**
     * Marks my leg before 挂断: Asterisk reports an AMI Hangup as a SoftHangupRequest (no side named), so the call
     * tracker learns from this variable (its VarSet event) that the agent ended the call, and which agent.
     */
    public static SetVarAction hangupMark(String myChannel, long agentId) {
        return new SetVarAction(myChannel, CallTracker.CTI_HANGUP, String.valueOf(agentId));
    }

    /**
     * Hold: both legs leave their bridge in one Redirect — the customer into {@code cti-hold} (music on hold), my leg
     * into {@code cti-hold-agent} (silence), so my phone stays connected and nobody re-rings.
     */
    public static RedirectAction hold(String peerChannel, String myChannel) {
        RedirectAction a = new RedirectAction(peerChannel, CtiDialplan.HOLD, "s", 1);
        a.setExtraChannel(myChannel);
        a.setExtraContext(CtiDialplan.HOLD_AGENT);
        a.setExtraExten("s");
        a.setExtraPriority(1);
        return a;
    }

    /** Resume: bridge my waiting leg and the held customer again (no Tone header: no courtesy tone) */
    public static BridgeAction resume(String myChannel, String heldChannel) {
        return new BridgeAction(myChannel, heldChannel);
    }

    /** blind transfer of my bridged peer to an extension of {@code transfer-targets} (phone, queue or number) */
    public static BlindTransferAction blindTransfer(String myChannel, String exten) {
        return new BlindTransferAction(myChannel, CtiDialplan.TRANSFER_TARGETS, exten);
    }

    /** consultation (attended) transfer: my peer is held, the target is dialled from {@code transfer-targets} */
    public static AtxferAction consult(String myChannel, String exten) {
        AtxferAction a = new AtxferAction();
        a.setChannel(myChannel);
        a.setExten(exten);
        a.setContext(CtiDialplan.TRANSFER_TARGETS);
        return a;
    }

    public static CancelAtxferAction cancelConsult(String myChannel) {
        return new CancelAtxferAction(myChannel);
    }

    /**
     * Switch between the held party and the consulted one: the {@code atxferswap} feature code "received" on my leg
     * (PlayDTMF with Receive, one action per digit).
     */
    public static List<PlayDtmfAction> swap(String myChannel, String swapCode) {
        List<PlayDtmfAction> out = new ArrayList<>();
        for (char d : swapCode.toCharArray()) {
            PlayDtmfAction a = new PlayDtmfAction(myChannel, String.valueOf(d));
            a.setReceive(Boolean.TRUE);
            out.add(a);
        }
        return out;
    }

    /** pickup (代答): the caller who is ringing a colleague is sent to my phone */
    public static RedirectAction pickup(String callerChannel, String myExtension) {
        return new RedirectAction(callerChannel, CtiDialplan.TRANSFER_TARGETS, myExtension, 1);
    }

    /**
     * Click-to-dial: my phone rings first (Async, so the HTTP request does not wait for me to pick up), then
     * {@code click-to-dial} dials the number. ChannelId becomes my leg's Uniqueid and so the call's linkedid.
     */
    public static OriginateAction clickToDial(String myEndpoint, String myExtension, String myName, String number,
                                              String channelId, Map<String, String> variables) {
        OriginateAction a = new OriginateAction();
        a.setChannel("PJSIP/" + myEndpoint);
        a.setContext(CtiDialplan.CLICK_TO_DIAL);
        a.setExten(number);
        a.setPriority(1);
        a.setCallerId("\"" + (myName == null ? myExtension : myName.replace("\"", "")) + "\" <" + myExtension + ">");
        a.setTimeout(30_000L);
        a.setAsync(Boolean.TRUE);
        a.setChannelId(channelId);
        a.setVariables(new LinkedHashMap<>(variables));
        return a;
    }
}
