package cn.heatdesk.settings.api;

import java.util.List;
import java.util.Map;

/**
 * Data dictionaries (数据字典) for other modules. Every call reads the database, so a change made on one
 * instance is seen by all instances at once.
 */
public interface DictionaryApi {

    /** Enabled items of an enabled type, by sort order; empty when the type is unknown or disabled. */
    List<DictItemOption> items(String typeCode);

    /**
     * The label of an item, disabled items included (old records still show their label);
     * the code itself when the type or item is unknown, {@code null} for a null code.
     */
    String label(String typeCode, String itemCode);

    /** code → label of every item of the type, disabled ones included, for labelling many rows at once. */
    Map<String, String> labels(String typeCode);

    /**
     * Checks that {@code itemCode} is an enabled item of an enabled type.
     *
     * @param fieldName the request field carrying the value, named in the 400 error
     * @return the item's label
     * @throws cn.heatdesk.kernel.error.BizException VALIDATION naming {@code fieldName} when the value is
     *         missing, unknown or disabled
     */
    String requireValid(String typeCode, String itemCode, String fieldName);
}
