package cn.heatdesk.baseinfo.api;

/**
 * The smart heat network (智慧热网): room temperatures flow in through an incremental feed; readings taken by
 * HeatDesk (the field app) flow out through {@link #sendReading}. HeatDesk ships an HTTP implementation
 * (contract in docs/integrations/heatnet.md). Errors are unchecked exceptions with a Chinese message.
 */
public interface HeatNetClient {

    /** readings received by the heat network after {@code since}, at most {@code limit} */
    ChangePage<HeatNetReading> temperaturesSince(ChangeCursor since, int limit);

    /** hands a reading taken by HeatDesk to the heat network (idempotent by readingId on its side) */
    void sendReading(HeatNetReading reading);
}
