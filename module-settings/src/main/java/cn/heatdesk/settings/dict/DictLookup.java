package cn.heatdesk.settings.dict;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.settings.api.DictItemOption;
import cn.heatdesk.settings.api.DictionaryApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DictionaryApi} for other modules and the drop-down endpoint. Each type is read whole (type + items, two
 * queries) and kept for a few seconds: creating a ticket labels and validates half a dozen codes, and reading them
 * one by one was a third of its statements. A change through {@link DictService} evicts this instance's copy when
 * its transaction commits; other instances see it once their copy expires ({@code heatdesk.dictionary.cache-ttl},
 * 5 s by default, 0 turns the cache off).
 */
@Service
public class DictLookup implements DictionaryApi {

    private final DictTypeMapper types;
    private final DictItemMapper items;
    private final long ttlNanos;
    private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();

    public DictLookup(DictTypeMapper types, DictItemMapper items,
                      @Value("${heatdesk.dictionary.cache-ttl:5s}") Duration ttl) {
        this.types = types;
        this.items = items;
        this.ttlNanos = ttl == null || ttl.isNegative() ? 0 : ttl.toNanos();
    }

    /** one type as read at one moment: null type = unknown code; items by sort order, disabled ones included */
    private record Snapshot(DictType type, List<DictItem> items, Map<String, DictItem> byCode, long loadedAt) {
    }

    private Snapshot snapshot(String typeCode) {
        long now = System.nanoTime();
        Snapshot s = cache.get(typeCode);
        if (s != null && now - s.loadedAt < ttlNanos) {
            return s;
        }
        DictType type = types.findByCode(typeCode);
        List<DictItem> list = type == null ? List.of() : items.listByType(typeCode);
        Map<String, DictItem> byCode = new LinkedHashMap<>();
        list.forEach(i -> byCode.put(i.getItemCode(), i));
        Snapshot fresh = new Snapshot(type, list, byCode, now);
        if (ttlNanos > 0) {
            cache.put(typeCode, fresh);
        }
        return fresh;
    }

    /** drops the cached copies once the current transaction commits (at once outside a transaction) */
    void evictAfterCommit() {
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a reader between the clear above and the commit may cache the old rows again
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.clear();
                }
            });
        }
    }

    @Override
    public List<DictItemOption> items(String typeCode) {
        if (typeCode == null || typeCode.isBlank()) {
            return List.of();
        }
        Snapshot s = snapshot(typeCode.trim());
        if (s.type == null || !s.type.isEnabledType()) {
            return List.of();
        }
        return s.items.stream().filter(DictItem::isEnabledItem)
                .map(i -> new DictItemOption(i.getItemCode(), i.getItemLabel(), i.getSortNo() == null ? 0 : i.getSortNo(), i.getTagColor()))
                .toList();
    }

    @Override
    public String label(String typeCode, String itemCode) {
        if (itemCode == null) {
            return null;
        }
        if (typeCode == null) {
            return itemCode;
        }
        DictItem i = snapshot(typeCode).byCode.get(itemCode);
        return i == null ? itemCode : i.getItemLabel();
    }

    @Override
    public Map<String, String> labels(String typeCode) {
        Map<String, String> m = new LinkedHashMap<>();
        if (typeCode != null) {
            for (DictItem i : snapshot(typeCode).items) {
                m.put(i.getItemCode(), i.getItemLabel());
            }
        }
        return m;
    }

    @Override
    public String requireValid(String typeCode, String itemCode, String fieldName) {
        Snapshot s = typeCode == null ? null : snapshot(typeCode);
        DictType type = s == null ? null : s.type;
        String what = type == null ? fieldName : type.getTypeName();
        if (itemCode == null || itemCode.isBlank()) {
            throw BizException.invalid(fieldName, "请选择" + what);
        }
        if (type == null) {
            throw BizException.invalid(fieldName, "字段“" + fieldName + "”所用的字典“" + typeCode + "”不存在");
        }
        if (!type.isEnabledType()) {
            throw BizException.invalid(fieldName, what + "字典已停用，不能选择“" + itemCode + "”");
        }
        DictItem i = s.byCode.get(itemCode);
        if (i == null) {
            throw BizException.invalid(fieldName, what + "“" + itemCode + "”不存在，请从下拉列表中选择");
        }
        if (!i.isEnabledItem()) {
            throw BizException.invalid(fieldName, what + "“" + i.getItemLabel() + "”已停用，请重新选择");
        }
        return i.getItemLabel();
    }
}
