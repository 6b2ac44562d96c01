package cn.heatdesk.callcenter.ami;

/** Spring beans implementing this receive every event of every connected gateway. */
public interface GatewayEventListener {

    void onEvent(GatewayEvent e);

    /**
     * After each (re)login. {@code restarted}: Asterisk itself restarted since the last session (its start time
     * changed), so dynamic queue members and pauses are gone and must be pushed back from the database.
     */
    default void onConnected(long gatewayId, boolean restarted) {
    }

    default void onDisconnected(long gatewayId) {
    }
}
