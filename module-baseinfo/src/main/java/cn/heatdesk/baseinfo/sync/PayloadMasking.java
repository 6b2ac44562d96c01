package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.kernel.crypto.MaskType;
import cn.heatdesk.kernel.crypto.Masking;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The payload of a failed record as shown to a person: pretty JSON, with the owner's name, ID number and phone
 * numbers masked for users without data:unmask (the same masking as every other view of personal data).
 */
final class PayloadMasking {

    private static final Map<String, MaskType> FIELDS = Map.of(
            "ownerName", MaskType.NAME, "ownerIdNumber", MaskType.ID_NUMBER, "ownerPhones", MaskType.PHONE);

    private PayloadMasking() {
    }

    static String forDisplay(ObjectMapper json, String payload, boolean unmask) {
        if (payload == null) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JsonProcessingException e) {
            // not JSON: shown only to those who may see everything
            return unmask ? payload : "（载荷不是有效的 JSON，需有查看明文权限才能显示）";
        }
        if (!unmask && node instanceof ObjectNode o) {
            FIELDS.forEach((field, type) -> {
                JsonNode v = o.get(field);
                if (v == null || v.isNull()) {
                    return;
                }
                if (v.isArray()) {
                    ArrayNode masked = json.createArrayNode();
                    v.forEach(e -> masked.add(e.isValueNode() ? Masking.mask(e.asText(), type) : "***"));
                    o.set(field, masked);
                } else {
                    o.put(field, v.isValueNode() ? Masking.mask(v.asText(), type) : "***");
                }
            });
        } else if (!unmask && !node.isObject()) {
            return "（载荷不是 JSON 对象，需有查看明文权限才能显示）";
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return payload;
        }
    }
}
