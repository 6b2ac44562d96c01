package cn.heatdesk.kernel.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one response envelope of every HeatDesk endpoint: {@code {code, msg, data}}.
 * {@code code} is "0" on success, otherwise an {@link cn.heatdesk.kernel.error.ErrorCode} name;
 * {@code field} names the offending input field on validation errors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(String code, String msg, T data, String field) {

    public static final String OK = "0";

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(OK, "成功", data, null);
    }

    public static ApiResponse<Void> ok() {
        return new ApiResponse<>(OK, "成功", null, null);
    }

    public static <T> ApiResponse<T> error(String code, String msg, String field, T data) {
        return new ApiResponse<>(code, msg, data, field);
    }
}
