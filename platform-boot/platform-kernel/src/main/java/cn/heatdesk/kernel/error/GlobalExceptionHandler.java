package cn.heatdesk.kernel.error;

import cn.dev33.satoken.exception.DisableServiceException;
import cn.dev33.satoken.exception.NotLoginException;
import cn.dev33.satoken.exception.NotPermissionException;
import cn.dev33.satoken.exception.NotRoleException;
import cn.heatdesk.kernel.web.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.UUID;

/**
 * Turns every failure into the {@code {code, msg, field}} envelope with a meaningful HTTP status.
 * Stack traces go to the log under a trace id, never to the client.
 */
@RestControllerAdvice
public class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(BizException.class)
    public ResponseEntity<ApiResponse<Object>> biz(BizException e) {
        return respond(e.code(), e.getMessage(), e.field(), e.data());
    }

    @ExceptionHandler(BindException.class)
    public ResponseEntity<ApiResponse<Object>> bind(BindException e) {
        FieldError fe = e.getBindingResult().getFieldError();
        if (fe == null) {
            String msg = e.getBindingResult().getGlobalError() != null
                    ? e.getBindingResult().getGlobalError().getDefaultMessage() : ErrorCode.VALIDATION.defaultMessage();
            return respond(ErrorCode.VALIDATION, msg, null, null);
        }
        String msg = fe.isBindingFailure()
                ? "字段“" + fe.getField() + "”的格式不正确"
                : fe.getDefaultMessage();
        return respond(ErrorCode.VALIDATION, msg, fe.getField(), null);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ApiResponse<Object>> methodValidation(HandlerMethodValidationException e) {
        var first = e.getParameterValidationResults().stream().findFirst();
        String field = first.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
        String msg = first.flatMap(r -> r.getResolvableErrors().stream().findFirst())
                .map(err -> err.getDefaultMessage()).orElse(ErrorCode.VALIDATION.defaultMessage());
        return respond(ErrorCode.VALIDATION, msg, field, null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ApiResponse<Object>> constraint(ConstraintViolationException e) {
        var v = e.getConstraintViolations().stream().findFirst();
        String field = v.map(cv -> {
            String path = cv.getPropertyPath().toString();
            return path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        }).orElse(null);
        return respond(ErrorCode.VALIDATION, v.map(cv -> cv.getMessage()).orElse(null), field, null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ApiResponse<Object>> missingParam(MissingServletRequestParameterException e) {
        return respond(ErrorCode.VALIDATION, "缺少参数“" + e.getParameterName() + "”", e.getParameterName(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ApiResponse<Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ErrorCode.VALIDATION, "参数“" + e.getName() + "”的格式不正确", e.getName(), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ApiResponse<Object>> unreadable(HttpMessageNotReadableException e) {
        String field = null;
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = jme.getPath().get(jme.getPath().size() - 1).getFieldName();
        }
        String msg = field == null ? "请求体不是有效的 JSON" : "字段“" + field + "”的格式不正确";
        return respond(ErrorCode.VALIDATION, msg, field, null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ApiResponse<Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ApiResponse.error(ErrorCode.BAD_REQUEST.name(), "不支持的内容类型：" + e.getContentType(), null, null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiResponse<Object>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ApiResponse.error(ErrorCode.BAD_REQUEST.name(), "不支持的请求方法：" + e.getMethod(), null, null));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ApiResponse<Object>> noResource(NoResourceFoundException e) {
        return respond(ErrorCode.NOT_FOUND, "接口或资源不存在：/" + e.getResourcePath(), null, null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ApiResponse<Object>> tooLarge(MaxUploadSizeExceededException e) {
        return respond(ErrorCode.PAYLOAD_TOO_LARGE, "上传文件超过大小限制", "file", null);
    }

    @ExceptionHandler(NotLoginException.class)
    public ResponseEntity<ApiResponse<Object>> notLogin(NotLoginException e) {
        String msg = switch (e.getType()) {
            case NotLoginException.TOKEN_TIMEOUT, NotLoginException.TOKEN_FREEZE -> "登录已超时，请重新登录";
            case NotLoginException.BE_REPLACED -> "账号已在其他地方登录，您已被迫下线";
            case NotLoginException.KICK_OUT -> "您已被管理员强制下线";
            default -> ErrorCode.UNAUTHENTICATED.defaultMessage();
        };
        return respond(ErrorCode.UNAUTHENTICATED, msg, null, null);
    }

    @ExceptionHandler({NotPermissionException.class, NotRoleException.class})
    public ResponseEntity<ApiResponse<Object>> notPermitted(RuntimeException e) {
        String perm = e instanceof NotPermissionException npe ? npe.getPermission() : ((NotRoleException) e).getRole();
        return respond(ErrorCode.FORBIDDEN, "无权限执行此操作（需要权限：" + perm + "）", null, null);
    }

    @ExceptionHandler(DisableServiceException.class)
    public ResponseEntity<ApiResponse<Object>> disabled(DisableServiceException e) {
        return respond(ErrorCode.ACCOUNT_DISABLED, null, null, null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<ApiResponse<Object>> duplicate(DuplicateKeyException e) {
        log.info("duplicate key: {}", e.getMostSpecificCause().getMessage());
        return respond(ErrorCode.DUPLICATE, "数据重复，请检查编码或名称是否已存在", null, null);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiResponse<Object>> unexpected(Exception e, HttpServletRequest request) {
        String traceId = UUID.randomUUID().toString().substring(0, 8);
        log.error("unhandled error [{}] on {} {}", traceId, request.getMethod(), request.getRequestURI(), e);
        return respond(ErrorCode.INTERNAL, "系统繁忙，请稍后重试（追踪号 " + traceId + "）", null, null);
    }

    private static ResponseEntity<ApiResponse<Object>> respond(ErrorCode code, String msg, String field, Object data) {
        return ResponseEntity.status(code.status())
                .body(ApiResponse.error(code.name(), msg == null ? code.defaultMessage() : msg, field, data));
    }
}
