package cn.heatdesk.callcenter.cti;

/** What a call-control request reports back to the console. */
public final class CtiViews {

    private CtiViews() {
    }

    /**
     * @param action    the step (HANGUP, HOLD, …)
     * @param message   what happened, in Chinese, for the console's toast
     * @param linkedid  the call (for click-to-dial: the new call's linkedid = the Originate ChannelId)
     * @param channel   my leg the action was sent for (null for click-to-dial before my phone answers)
     * @param target    transfer / pickup target as understood (extension, queue or number), else null
     * @param callbackOf for a callback: the id of the missed call that is called back
     */
    public record Result(String action, String message, String linkedid, String channel, String target,
                         Long callbackOf) {
    }
}
