package cn.heatdesk.repair.mobile;

import cn.heatdesk.kernel.web.ApiResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link MobileException} in the kernel's envelope (ahead of the kernel's catch-all handler). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MobileExceptionHandler {

    @ExceptionHandler(MobileException.class)
    public ResponseEntity<ApiResponse<Object>> mobile(MobileException e) {
        return ResponseEntity.status(e.status()).body(ApiResponse.error(e.code(), e.getMessage(), e.field(), null));
    }
}
