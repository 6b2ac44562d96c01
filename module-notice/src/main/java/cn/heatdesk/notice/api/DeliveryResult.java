package cn.heatdesk.notice.api;

/**
 * The outcome of one delivery attempt.
 *
 * @param response what the far side answered (shortened), for the delivery log
 * @param error    why it failed, in Chinese, shown in 发送记录
 */
public record DeliveryResult(Outcome outcome, String response, String error) {

    public enum Outcome {
        /** delivered (accepted by the gateway) */
        SENT,
        /** failed, may work later: retried with backoff until the attempts run out */
        RETRY,
        /** failed for good (no address, unbound, rejected as invalid): not retried automatically */
        FAILED
    }

    public static DeliveryResult sent(String response) {
        return new DeliveryResult(Outcome.SENT, response, null);
    }

    public static DeliveryResult retry(String error, String response) {
        return new DeliveryResult(Outcome.RETRY, response, error);
    }

    public static DeliveryResult failed(String error, String response) {
        return new DeliveryResult(Outcome.FAILED, response, error);
    }
}
