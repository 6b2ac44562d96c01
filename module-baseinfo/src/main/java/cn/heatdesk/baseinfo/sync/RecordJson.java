package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.ChangeCursor;
import cn.heatdesk.baseinfo.api.ChangePage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading records one by one from JSON, so that one record with a field in the wrong format becomes a failure of
 * that record (with its raw JSON and the field named) instead of failing the whole page or request.
 */
final class RecordJson {

    private RecordJson() {
    }

    /**
     * One entry read as a record, or why it could not be.
     *
     * @param key            the record's key as far as it could be read
     * @param subsidiaryCode the entry's subsidiaryCode as far as it could be read (to file a failure under it)
     * @param raw            the entry as received; null for records that did not come as JSON (built in Java)
     */
    record Parsed<T>(T record, String key, String subsidiaryCode, String raw, String field, String reason) {
        boolean ok() {
            return record != null;
        }

        static <T> Parsed<T> of(T record, String key, String subsidiaryCode) {
            return new Parsed<>(record, key, subsidiaryCode, null, null, null);
        }
    }

    static <T> Parsed<T> read(ObjectMapper json, JsonNode node, Class<T> type, String keyField) {
        String raw = node == null ? "null" : node.toString();
        String key = textOf(node, keyField);
        String sub = textOf(node, "subsidiaryCode");
        if (node == null || !node.isObject()) {
            return new Parsed<>(null, key, sub, raw, null, "记录须为 JSON 对象");
        }
        try {
            // unknown fields are the other system's business: a newer version may send more than we read
            T value = json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
            return new Parsed<>(value, key, sub, raw, null, null);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            return new Parsed<>(null, key, sub, raw, field,
                    field == null ? "记录格式不正确" : "字段“" + field + "”的格式不正确");
        } catch (IOException e) {
            return new Parsed<>(null, key, sub, raw, null, "记录格式不正确");
        }
    }

    private static String textOf(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /**
     * The page answer of a change feed: {@code {records:[…], nextCursor:{updatedAt, lastKey}, hasMore}}.
     * Entries that are not valid records become {@link ChangePage.Unreadable}.
     */
    static <T> ChangePage<T> page(ObjectMapper json, String systemName, JsonNode root, Class<T> type, String keyField,
                                  ChangeCursor requested) {
        if (root == null || !root.isObject() || !root.path("records").isArray()) {
            throw new IntegrationCallException(systemName + "的应答不符合约定：缺少 records 数组");
        }
        List<T> records = new ArrayList<>();
        List<ChangePage.Unreadable> unreadable = new ArrayList<>();
        for (JsonNode n : root.path("records")) {
            Parsed<T> p = read(json, n, type, keyField);
            if (p.ok()) {
                records.add(p.record());
            } else {
                unreadable.add(new ChangePage.Unreadable(p.key(), p.raw(), p.field(), p.reason()));
            }
        }
        JsonNode c = root.path("nextCursor");
        ChangeCursor next;
        if (c.isObject()) {
            next = new ChangeCursor(time(systemName, c.path("updatedAt")), text(c.path("lastKey")));
        } else if (records.isEmpty() && unreadable.isEmpty()) {
            next = requested;
        } else {
            throw new IntegrationCallException(systemName + "的应答不符合约定：返回了记录但缺少 nextCursor");
        }
        JsonNode more = root.path("hasMore");
        if (!more.isMissingNode() && !more.isNull() && !more.isBoolean()) {
            throw new IntegrationCallException(systemName + "的应答不符合约定：hasMore 须为 true 或 false");
        }
        return new ChangePage<>(records, next, more.asBoolean(false), unreadable);
    }

    private static LocalDateTime time(String systemName, JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        try {
            return LocalDateTime.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new IntegrationCallException(systemName + "的应答不符合约定：nextCursor.updatedAt 须为"
                    + " yyyy-MM-ddTHH:mm:ss 格式的时间，实际为“" + IntegrationHttp.abbreviate(n.asText(), 40) + "”");
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
