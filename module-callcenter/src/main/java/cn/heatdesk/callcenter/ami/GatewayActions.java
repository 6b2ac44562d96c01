package cn.heatdesk.callcenter.ami;

import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;

import java.util.List;

/**
 * Sends AMI actions to a gateway. When the gateway is not connected or does not answer in time this throws
 * {@link GatewayUnavailableException} (a 4xx BizException with a Chinese message); an Asterisk "Response: Error"
 * is returned as it is — callers decide what it means.
 */
public interface GatewayActions {

    ManagerResponse send(long gatewayId, ManagerAction action);

    /** event-generating actions (QueueStatus, CoreShowChannels …): the list events up to the *Complete event */
    List<ResponseEvent> sendList(long gatewayId, EventGeneratingAction action);

    boolean connected(long gatewayId);
}
