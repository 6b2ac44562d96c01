package cn.heatdesk.baseinfo.api;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A room temperature reading (室温) of a household, from the smart heat network (智慧热网) or taken by HeatDesk.
 * Stored once per {@code readingId}.
 *
 * @param temperature degrees Celsius, one decimal
 * @param measuredAt  when it was measured (local time); also the order of the change feed
 */
public record HeatNetReading(String readingId, String subsidiaryCode, String householdCode, BigDecimal temperature,
                             LocalDateTime measuredAt) {
}
