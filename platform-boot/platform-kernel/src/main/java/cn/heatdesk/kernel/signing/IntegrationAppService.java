package cn.heatdesk.kernel.signing;

import cn.heatdesk.kernel.routing.SharedDatabase;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Integration apps ({@code integration_app}): the app key and SM4-encrypted signing secret of each external system.
 * Secrets are 32 random bytes as 64 hex characters, shown once on creation or reset.
 */
@SharedDatabase
@Service
public class IntegrationAppService {

    static final String COLUMNS = "id, app_key, app_name, enabled, remark, subsidiary_id, org_path, "
            + "created_at, created_by, updated_at, updated_by";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> SORTS = Map.of(
            "appKey", "a.app_key", "appName", "a.app_name", "createdAt", "a.created_at", "enabled", "a.enabled");

    private static final RowMapper<IntegrationApp> ROW_MAPPER = (rs, i) -> new IntegrationApp(
            rs.getLong("id"), rs.getString("app_key"), rs.getString("app_name"), rs.getInt("enabled") == 1,
            rs.getString("remark"), nullableLong(rs, "subsidiary_id"), rs.getString("org_path"),
            toLocal(rs.getTimestamp("created_at")), nullableLong(rs, "created_by"),
            toLocal(rs.getTimestamp("updated_at")), nullableLong(rs, "updated_by"));

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final IntegrationAppMapper mapper;

    public IntegrationAppService(JdbcTemplate jdbc, FieldCipher cipher, IdGenerator ids, IntegrationAppMapper mapper) {
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.ids = ids;
    }

    /** The app and its decrypted secret, for signature verification. Empty when the app key is unknown. */
    public Optional<Credential> findCredential(String appKey) {
        List<Credential> rows = jdbc.query("SELECT " + COLUMNS + ", secret_enc FROM integration_app WHERE app_key = ?",
                (rs, i) -> new Credential(ROW_MAPPER.mapRow(rs, i), rs.getString("secret_enc")), appKey);
        return rows.stream().findFirst().map(c -> new Credential(c.app(), cipher.decrypt(c.secret())));
    }

    /** Apps within the viewer's data scope. */
    public PageResult<IntegrationApp> list(PageQuery page, String keyword) {
        String pattern = keyword == null || keyword.isBlank() ? null
                : "%" + keyword.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        String order = page.orderBy(SORTS, "a.created_at DESC") + ", a.id DESC";
        return Paging.page(page, () -> mapper.selectPage(pattern, order));
    }

    /** An app the viewer may see, or 404. */
    public IntegrationApp get(long id) {
        IntegrationApp app = mapper.selectById(id);
        if (app == null) {
            throw BizException.notFound("对接应用");
        }
        return app;
    }

    /** Creates an enabled app in the current user's subsidiary and returns it with its secret (shown once). */
    @Transactional
    public IntegrationAppSecret create(String appName, String remark) {
        CurrentUser user = SecurityContext.current().orElse(null);
        long id = ids.nextId();
        String appKey = newAppKey();
        String secret = newSecret();
        Timestamp now = now();
        jdbc.update("INSERT INTO integration_app (id, app_key, app_name, secret_enc, enabled, remark, subsidiary_id, "
                        + "org_path, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                id, appKey, appName.strip(), cipher.encrypt(secret), blankToNull(remark),
                user == null ? null : user.subsidiaryId(), user == null ? null : user.orgPath(),
                now, SecurityContext.userIdOrSystem(), now, SecurityContext.userIdOrSystem());
        return new IntegrationAppSecret(get(id), secret);
    }

    @Transactional
    public IntegrationApp update(long id, String appName, String remark) {
        get(id); // 404 outside the viewer's data scope
        int n = jdbc.update("UPDATE integration_app SET app_name = ?, remark = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                appName.strip(), blankToNull(remark), now(), SecurityContext.userIdOrSystem(), id);
        if (n == 0) {
            throw BizException.notFound("对接应用");
        }
        return get(id);
    }

    @Transactional
    public IntegrationApp setEnabled(long id, boolean enabled) {
        get(id); // 404 outside the viewer's data scope
        int n = jdbc.update("UPDATE integration_app SET enabled = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                enabled ? 1 : 0, now(), SecurityContext.userIdOrSystem(), id);
        if (n == 0) {
            throw BizException.notFound("对接应用");
        }
        return get(id);
    }

    /** Replaces the secret; the old one stops working immediately. Returns the new secret (shown once). */
    @Transactional
    public IntegrationAppSecret resetSecret(long id) {
        get(id); // 404 outside the viewer's data scope
        String secret = newSecret();
        int n = jdbc.update("UPDATE integration_app SET secret_enc = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                cipher.encrypt(secret), now(), SecurityContext.userIdOrSystem(), id);
        if (n == 0) {
            throw BizException.notFound("对接应用");
        }
        return new IntegrationAppSecret(get(id), secret);
    }

    static String newAppKey() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return "hd" + Hex.toHexString(b);
    }

    static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Hex.toHexString(b);
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static LocalDateTime toLocal(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** An app with its plaintext secret; never serialised to clients. */
    public record Credential(IntegrationApp app, String secret) {
        @Override
        public String toString() {
            return "Credential[app=" + app.appKey() + ", secret=<redacted>]";
        }
    }
}
