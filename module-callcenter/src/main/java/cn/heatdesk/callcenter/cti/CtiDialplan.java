package cn.heatdesk.callcenter.cti;

/**
 * The dialplan contexts call control relies on (rendered into each gateway's extensions.conf; the simulator runs the
 * same). See docs/cti.md for the full text.
 * <pre>
 * [click-to-dial]     exten => _X.,1,NoOp(...) / Set(CALLERID(num)=DID) / Dial(PJSIP/${EXTEN}@trunk,30)
 * [transfer-targets]  exten => &lt;phone extension&gt;,1,Dial(PJSIP/${EXTEN},30)
 *                     exten => &lt;queue name&gt;,1,Queue(${EXTEN},tc,,,120,agi://…/agent-connect)
 *                     exten => _X.,1,Set(CALLERID(num)=DID) / Dial(PJSIP/${EXTEN}@trunk,30)
 * [cti-hold]          exten => s,1,MusicOnHold(default)      ; the held party
 * [cti-hold-agent]    exten => s,1,Wait(7200)                ; the agent's leg, silent, until resumed by AMI Bridge
 * features.conf       [featuremap] atxfer=*2; [general] atxferabort=*1, atxfercomplete=*2, atxferswap=*4
 * </pre>
 */
public final class CtiDialplan {

    public static final String CLICK_TO_DIAL = "click-to-dial";
    public static final String TRANSFER_TARGETS = "transfer-targets";
    public static final String HOLD = "cti-hold";
    public static final String HOLD_AGENT = "cti-hold-agent";
    /** the application the agent's leg runs while the customer is held */
    public static final String HOLD_AGENT_APP = "Wait";
    public static final String HOLD_APP = "MusicOnHold";

    private CtiDialplan() {
    }
}
