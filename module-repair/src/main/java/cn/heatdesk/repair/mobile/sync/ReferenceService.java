package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.kernel.crypto.Sm3;
import cn.heatdesk.settings.api.DictionaryApi;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the field app needs besides tickets: ticket types (settings dictionary), reasons for rejecting / not
 * completing, the group's fill-back template, the satisfaction scale. {@code refVersion} is a hash of all of it,
 * so any change of a dictionary item or template field gives a new version and the app reloads. Kept for a few
 * seconds only (every pull asks for the version; a change shows up on all instances within that time).
 */
@Service
public class ReferenceService {

    static final long TTL_MILLIS = 5_000;
    static final List<SyncDtos.Satisfaction> SATISFACTION = List.of(
            new SyncDtos.Satisfaction(1, "很不满意"), new SyncDtos.Satisfaction(2, "不满意"),
            new SyncDtos.Satisfaction(3, "一般"), new SyncDtos.Satisfaction(4, "满意"),
            new SyncDtos.Satisfaction(5, "很满意"));

    private final SyncMapper mapper;
    private final DictionaryApi dict;
    private final ObjectMapper json;
    private volatile Cached cached;

    public ReferenceService(SyncMapper mapper, DictionaryApi dict, ObjectMapper json) {
        this.mapper = mapper;
        this.dict = dict;
        this.json = json;
    }

    private record Cached(SyncDtos.Reference ref, long at) {
    }

    public SyncDtos.Reference reference() {
        Cached c = cached;
        if (c != null && System.currentTimeMillis() - c.at() < TTL_MILLIS) {
            return c.ref();
        }
        SyncDtos.Reference fresh = load();
        cached = new Cached(fresh, System.currentTimeMillis());
        return fresh;
    }

    public String refVersion() {
        return reference().refVersion();
    }

    public List<SyncDtos.TemplateField> template() {
        return reference().fillBackTemplate().fields();
    }

    private SyncDtos.Reference load() {
        Map<String, List<SyncDtos.Option>> dicts = new LinkedHashMap<>();
        dicts.put("ticket_type", dict.items("ticket_type").stream()
                .map(i -> new SyncDtos.Option(i.code(), i.label())).toList());
        dicts.put("reject_reason", new ArrayList<>());
        dicts.put("incomplete_reason", new ArrayList<>());
        for (ReferenceRows.Reason r : mapper.selectReasons()) {
            dicts.computeIfAbsent(r.listCode, k -> new ArrayList<>()).add(new SyncDtos.Option(r.itemCode, r.itemLabel));
        }
        List<SyncDtos.TemplateField> fields = mapper.selectTemplateFields().stream()
                .map(f -> new SyncDtos.TemplateField(f.fieldCode, f.fieldLabel, f.fieldType, f.required == 1,
                        f.options == null || f.options.isBlank() ? null
                                : Arrays.stream(f.options.split(",")).map(String::trim).toList()))
                .toList();
        SyncDtos.Template template = new SyncDtos.Template(fields);
        String version;
        try {
            byte[] all = json.writeValueAsBytes(List.of(dicts, template, SATISFACTION));
            version = Sm3.hashHex(all).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new SyncDtos.Reference(version, dicts, template, SATISFACTION);
    }
}
