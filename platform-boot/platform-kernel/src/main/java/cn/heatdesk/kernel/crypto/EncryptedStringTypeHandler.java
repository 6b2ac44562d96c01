package cn.heatdesk.kernel.crypto;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandler;
import org.apache.ibatis.type.TypeHandlerRegistry;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * MyBatis type handler that stores a String column SM4-GCM encrypted via {@link FieldCipher}. Use it explicitly in
 * XML mappers — never register it globally (no {@code mybatis.type-handlers-package} covering this package), or
 * every String would be encrypted:
 * <pre>{@code
 * <result column="phone_enc" property="phone" typeHandler="cn.heatdesk.kernel.crypto.EncryptedStringTypeHandler"/>
 * INSERT ... VALUES (#{phone, typeHandler=cn.heatdesk.kernel.crypto.EncryptedStringTypeHandler}, #{phoneBidx})
 * }</pre>
 * The blind index column is computed in Java ({@link FieldCipher#blindIndexPhone}) and written as a plain value.
 *
 * <p>Each application context {@linkplain #bind binds} an instance holding its own cipher into its MyBatis registry,
 * which MyBatis prefers over creating one; the static {@link FieldCipher#global()} fallback would otherwise follow
 * whichever context in the JVM was created last (several contexts run side by side in the test suite).
 */
public class EncryptedStringTypeHandler extends BaseTypeHandler<String> {

    private final FieldCipher explicit;

    /** Used by MyBatis: resolves the Spring-created {@link FieldCipher} lazily. */
    public EncryptedStringTypeHandler() {
        this.explicit = null;
    }

    public EncryptedStringTypeHandler(FieldCipher cipher) {
        this.explicit = cipher;
    }

    /**
     * Registers an instance bound to {@code cipher} under a private marker type, so mapper references to this
     * class resolve to it (a registration under String would encrypt every String column).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void bind(TypeHandlerRegistry registry, FieldCipher cipher) {
        registry.register((Class) Bound.class, (JdbcType) null, (TypeHandler) new EncryptedStringTypeHandler(cipher));
    }

    /** never a property type: only a key for {@link #bind} */
    private static final class Bound {
    }

    private FieldCipher cipher() {
        return explicit != null ? explicit : FieldCipher.global();
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, String parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, cipher().encrypt(parameter));
    }

    @Override
    public String getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return cipher().decrypt(rs.getString(columnName));
    }

    @Override
    public String getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return cipher().decrypt(rs.getString(columnIndex));
    }

    @Override
    public String getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return cipher().decrypt(cs.getString(columnIndex));
    }
}
