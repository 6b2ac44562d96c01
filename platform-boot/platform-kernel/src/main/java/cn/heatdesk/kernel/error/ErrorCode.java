package cn.heatdesk.kernel.error;

import org.springframework.http.HttpStatus;

/** Machine-readable error codes; the Chinese message goes with each occurrence. */
public enum ErrorCode {
    VALIDATION(HttpStatus.BAD_REQUEST, "参数校验失败"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "请求错误"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "未登录或登录已过期"),
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "用户名或密码错误"),
    ACCOUNT_LOCKED(HttpStatus.LOCKED, "账号已锁定"),
    ACCOUNT_DISABLED(HttpStatus.FORBIDDEN, "账号已停用"),
    PASSWORD_EXPIRED(HttpStatus.FORBIDDEN, "密码已过期，请修改密码"),
    PASSWORD_CHANGE_REQUIRED(HttpStatus.FORBIDDEN, "首次登录请修改初始密码"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "无权限执行此操作"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "数据不存在"),
    CONFLICT(HttpStatus.CONFLICT, "数据已被他人修改，请刷新后重试"),
    DUPLICATE(HttpStatus.CONFLICT, "数据重复"),
    /** a state machine refused the action in the current state */
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "当前状态不允许此操作"),
    /** the action must be requested through an approval */
    APPROVAL_REQUIRED(HttpStatus.CONFLICT, "该操作需要审批"),
    SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED, "接口签名校验失败"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "上传内容过大"),
    /** an external system (a telephone gateway …) is unreachable: nothing was done, retry later */
    UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "外部系统暂不可用，请稍后重试"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "系统繁忙，请稍后重试");

    private final HttpStatus status;
    private final String defaultMessage;

    ErrorCode(HttpStatus status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public HttpStatus status() { return status; }
    public String defaultMessage() { return defaultMessage; }
}
