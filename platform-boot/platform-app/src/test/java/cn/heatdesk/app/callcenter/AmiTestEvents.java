package cn.heatdesk.app.callcenter;

import org.asteriskjava.manager.event.ManagerEvent;

import java.lang.reflect.Method;

/**
 * Sets the channel identity every per-channel AMI event carries (Channel, Uniqueid, Linkedid). asterisk-java's event
 * classes share no interface for it and spell the linkedid setter two ways, so the setters are found by name.
 */
final class AmiTestEvents {

    private AmiTestEvents() {
    }

    static <T extends ManagerEvent> T on(T e, String channel, String uniqueid, String linkedid) {
        call(e, "setChannel", channel);
        call(e, "setUniqueId", uniqueid);
        if (!call(e, "setLinkedId", linkedid)) {
            call(e, "setLinkedid", linkedid);
        }
        return e;
    }

    private static boolean call(Object target, String setter, String value) {
        try {
            Method m = target.getClass().getMethod(setter, String.class);
            m.invoke(target, value);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(setter + " on " + target.getClass().getSimpleName(), e);
        }
    }
}
