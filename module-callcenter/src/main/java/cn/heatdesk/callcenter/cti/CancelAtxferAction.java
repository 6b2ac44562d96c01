package cn.heatdesk.callcenter.cti;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code CancelAtxfer} (Asterisk 13.18 / 16+), which asterisk-java 3.42.2 lacks: cancels the attended transfer
 * the transferer {@code Channel} started, using the gateway's {@code atxferabort} feature code (the transferer goes
 * back to the held party).
 */
public class CancelAtxferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private String channel;

    public CancelAtxferAction() {
    }

    public CancelAtxferAction(String channel) {
        this.channel = channel;
    }

    @Override
    public String getAction() {
        return "CancelAtxfer";
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
