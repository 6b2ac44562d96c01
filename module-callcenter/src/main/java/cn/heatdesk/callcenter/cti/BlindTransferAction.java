package cn.heatdesk.callcenter.cti;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code BlindTransfer} (Asterisk 12+), which asterisk-java 3.42.2 lacks. Fields as Asterisk 22's manager
 * documentation names them: {@code Channel} (the transferer: its bridged peer is sent on), {@code Context},
 * {@code Exten}. Asterisk answers {@code Transfer succeeded} or an error ("Transfer invalid" when the channel is not
 * bridged, "Channel specified does not exist" …).
 */
public class BlindTransferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private String channel;
    private String context;
    private String exten;

    public BlindTransferAction() {
    }

    public BlindTransferAction(String channel, String context, String exten) {
        this.channel = channel;
        this.context = context;
        this.exten = exten;
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getContext() {
        return context;
    }

    public void setContext(String context) {
        this.context = context;
    }

    public String getExten() {
        return exten;
    }

    public void setExten(String exten) {
        this.exten = exten;
    }
}
