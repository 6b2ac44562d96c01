package cn.heatdesk.callcenter.ami;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;

/** the gateway is disconnected or did not answer: the action was not carried out */
public class GatewayUnavailableException extends BizException {

    public GatewayUnavailableException(String message) {
        super(ErrorCode.UPSTREAM_UNAVAILABLE, message);
    }
}
