package cn.heatdesk.settings.api;

/**
 * System parameters (系统参数) for other modules. Values are read from the database on every call, so a change
 * takes effect on every instance at once. A missing parameter, or a stored value that cannot be read as the
 * requested type, yields the default.
 */
public interface SystemParamApi {

    String getString(String key, String defaultValue);

    /** INT and DURATION_MIN parameters (minutes) alike. */
    int getInt(String key, int defaultValue);

    boolean getBool(String key, boolean defaultValue);
}
