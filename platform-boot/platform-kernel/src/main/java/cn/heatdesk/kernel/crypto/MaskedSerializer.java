package cn.heatdesk.kernel.crypto;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.security.SecurityContext;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** Serializer behind {@link Masked}: masks unless {@link SecurityContext#current()} has {@code data:unmask}. */
public class MaskedSerializer extends StdSerializer<Object> implements ContextualSerializer {

    private final MaskType type;

    /** Used by Jackson before contextualisation. */
    public MaskedSerializer() {
        this(null);
    }

    public MaskedSerializer(MaskType type) {
        super(Object.class);
        this.type = type;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider prov, BeanProperty property) throws JsonMappingException {
        Masked masked = property == null ? null : property.getAnnotation(Masked.class);
        if (masked == null && property != null) {
            masked = property.getContextAnnotation(Masked.class);
        }
        return masked == null ? this : new MaskedSerializer(masked.value());
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        String text = value.toString();
        if (mayUnmask()) {
            gen.writeString(text);
        } else if (type == null) {
            gen.writeString("****"); // fail closed when the mask type is unknown
        } else {
            gen.writeString(Masking.mask(text, type));
        }
    }

    static boolean mayUnmask() {
        return SecurityContext.current().map(MaskedSerializer::hasUnmask).orElse(false);
    }

    private static boolean hasUnmask(CurrentUser user) {
        return user.permissions() != null && user.hasPermission(PermissionCodes.UNMASK);
    }
}
