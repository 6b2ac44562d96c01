package cn.heatdesk.kernel.crypto;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Masks a String property in JSON responses unless the current user holds permission
 * {@link cn.heatdesk.kernel.security.PermissionCodes#UNMASK} ({@code data:unmask}):
 * <pre>{@code
 * public record CustomerView(String name, @Masked(MaskType.PHONE) String phone) {}
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = MaskedSerializer.class)
public @interface Masked {
    MaskType value();
}
