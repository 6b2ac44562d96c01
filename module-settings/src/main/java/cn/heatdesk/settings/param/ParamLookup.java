package cn.heatdesk.settings.param;

import cn.heatdesk.settings.api.SystemParamApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@link SystemParamApi}. No cache on purpose: one lookup by unique key, and reading the database each time makes a
 * change effective on every instance at once (e.g. the lockout policy during login).
 */
@Service
public class ParamLookup implements SystemParamApi {

    private static final Logger log = LoggerFactory.getLogger(ParamLookup.class);

    private final ParamMapper mapper;

    public ParamLookup(ParamMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String getString(String key, String defaultValue) {
        SysParam p = mapper.findByKey(key);
        return p == null || p.getParamValue() == null ? defaultValue : p.getParamValue();
    }

    @Override
    public int getInt(String key, int defaultValue) {
        SysParam p = mapper.findByKey(key);
        if (p == null || p.getParamValue() == null || p.getParamValue().isBlank()) {
            return defaultValue;
        }
        Long n = ParamValueValidator.parseStoredNumber(p.getParamValue());
        if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            log.warn("system parameter {} = '{}' is not an int; using default {}", key, p.getParamValue(), defaultValue);
            return defaultValue;
        }
        return n.intValue();
    }

    @Override
    public boolean getBool(String key, boolean defaultValue) {
        SysParam p = mapper.findByKey(key);
        if (p == null || p.getParamValue() == null) {
            return defaultValue;
        }
        String v = p.getParamValue().trim();
        if (v.equalsIgnoreCase("true") || v.equals("1")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equals("0")) {
            return false;
        }
        log.warn("system parameter {} = '{}' is not a boolean; using default {}", key, v, defaultValue);
        return defaultValue;
    }
}
