package cn.heatdesk.callcenter.cti;

import cn.heatdesk.settings.api.SystemParamApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Call-control settings. The outbound rule is a system parameter (系统参数, read on every check, so a change applies
 * at once on every instance) with the application property as default:
 * <ul>
 *   <li>{@code callcenter.outbound.allowed-prefixes} — a number must start with one of them (default local numbers
 *       2–8, mobiles 1, long distance 0);</li>
 *   <li>{@code callcenter.outbound.refused-prefixes} — and with none of these (refused wins; default "00"
 *       international, "1900" premium, "1600"/"1700"/"1659" voice information services);</li>
 *   <li>{@code callcenter.outbound.min-length} / {@code max-length} — digits after normalisation (5 / 13).</li>
 * </ul>
 * {@code heatdesk.callcenter.cti.atxfer-swap-code} is the gateway's {@code atxferswap} feature code (features.conf).
 */
@Component
public class CtiSettings {

    private final SystemParamApi params;
    private final String allowed;
    private final String refused;
    private final int minLength;
    private final int maxLength;
    private final String swapCode;

    @Autowired
    public CtiSettings(ObjectProvider<SystemParamApi> params,
                       @Value("${heatdesk.callcenter.cti.outbound-allowed-prefixes:1,2,3,4,5,6,7,8,0}") String allowed,
                       @Value("${heatdesk.callcenter.cti.outbound-refused-prefixes:00,1900,1600,1700,1659}") String refused,
                       @Value("${heatdesk.callcenter.cti.outbound-min-length:5}") int minLength,
                       @Value("${heatdesk.callcenter.cti.outbound-max-length:13}") int maxLength,
                       @Value("${heatdesk.callcenter.cti.atxfer-swap-code:*4}") String swapCode) {
        this.params = params.getIfAvailable();
        this.allowed = allowed;
        this.refused = refused;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.swapCode = swapCode;
    }

    /** fixed values, without system parameters (unit tests) */
    public CtiSettings(String allowed, String refused, int minLength, int maxLength, String swapCode) {
        this.params = null;
        this.allowed = allowed;
        this.refused = refused;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.swapCode = swapCode;
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String param(String key, String dflt) {
        return params == null ? dflt : params.getString(key, dflt);
    }

    public List<String> allowedPrefixes() {
        return split(param("callcenter.outbound.allowed-prefixes", allowed));
    }

    public List<String> refusedPrefixes() {
        return split(param("callcenter.outbound.refused-prefixes", refused));
    }

    public int minLength() {
        return params == null ? minLength : params.getInt("callcenter.outbound.min-length", minLength);
    }

    public int maxLength() {
        return params == null ? maxLength : params.getInt("callcenter.outbound.max-length", maxLength);
    }

    public String swapCode() {
        return swapCode;
    }
}
