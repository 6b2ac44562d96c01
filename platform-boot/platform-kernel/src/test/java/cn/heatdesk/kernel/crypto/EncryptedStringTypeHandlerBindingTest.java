package cn.heatdesk.kernel.crypto;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ResultMapping;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.type.StringTypeHandler;
import org.apache.ibatis.type.TypeHandler;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Several application contexts in one JVM (the integration suite starts a few) must each encrypt with their own key:
 * mapper references to the handler resolve to the instance their context bound, in result maps and in dynamic SQL
 * parsed at execution time alike, and plain String columns keep MyBatis' own handler.
 */
class EncryptedStringTypeHandlerBindingTest {

    static final byte[] BLIND = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static final String MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
            <mapper namespace="t">
              <resultMap id="row" type="map">
                <result column="phone_enc" property="phone" javaType="string"
                        typeHandler="cn.heatdesk.kernel.crypto.EncryptedStringTypeHandler"/>
              </resultMap>
              <select id="find" resultMap="row">SELECT phone_enc FROM x</select>
              <update id="save">UPDATE x SET
                <if test="phone != null">phone_enc = #{phone, typeHandler=cn.heatdesk.kernel.crypto.EncryptedStringTypeHandler},</if>
                name = #{name}</update>
            </mapper>
            """;

    static Configuration configuration(FieldCipher cipher) {
        Configuration c = new Configuration();
        EncryptedStringTypeHandler.bind(c.getTypeHandlerRegistry(), cipher);
        new XMLMapperBuilder(new ByteArrayInputStream(MAPPER.getBytes(StandardCharsets.UTF_8)), c, "t.xml",
                c.getSqlFragments()).parse();
        return c;
    }

    @Test
    void eachConfigurationUsesTheCipherItBoundNotTheLastCreatedOne() throws Exception {
        FieldCipher a = new FieldCipher(Sm4Gcm.single("v1", Sm4Gcm.generateKey()), BLIND);
        FieldCipher b = new FieldCipher(Sm4Gcm.single("v1", Sm4Gcm.generateKey()), BLIND);
        Configuration ca = configuration(a);
        Configuration cb = configuration(b);

        ResultMapping ra = ca.getResultMap("t.row").getResultMappings().get(0);
        ResultMapping rb = cb.getResultMap("t.row").getResultMappings().get(0);
        assertThat(ra.getTypeHandler()).isNotSameAs(rb.getTypeHandler());

        // dynamic SQL is parsed per execution: its parameter handler must still be the bound one
        Map<String, Object> p = new HashMap<>();
        p.put("phone", "13800138000");
        p.put("name", "张三");
        BoundSql sqlA = ca.getMappedStatement("t.save").getBoundSql(p);
        @SuppressWarnings("unchecked")
        TypeHandler<String> phoneA = (TypeHandler<String>) sqlA.getParameterMappings().get(0).getTypeHandler();
        assertThat(phoneA).isSameAs(ra.getTypeHandler());
        assertThat(sqlA.getParameterMappings().get(1).getTypeHandler()).isNotInstanceOf(EncryptedStringTypeHandler.class);

        PreparedStatement ps = mock(PreparedStatement.class);
        phoneA.setParameter(ps, 1, "13800138000", null);
        ArgumentCaptor<String> stored = ArgumentCaptor.forClass(String.class);
        verify(ps).setString(eq(1), stored.capture());
        assertThat(a.decrypt(stored.getValue())).isEqualTo("13800138000");
        assertThat(cb.getTypeHandlerRegistry().getTypeHandler(String.class)).isInstanceOf(StringTypeHandler.class);
    }
}
