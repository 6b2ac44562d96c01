package cn.heatdesk.notice.live;

import cn.dev33.satoken.exception.NotLoginException;
import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.GlobalExceptionHandler;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.ApiResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The live event stream (server-sent events) of consoles and the field app. Authenticated like every API call
 * ({@code Authorization: Bearer <token>}; a client that cannot send headers, such as EventSource, may pass
 * {@code ?token=}, see {@link LiveStreamFilter}).
 * <p>Refusals (not logged in: 401, bad topics: 400) are written here as the usual JSON envelope: the shared
 * exception handler would try to write JSON as text/event-stream, which the client asked for, and fail.
 */
@Tag(name = "实时推送")
@RestController
public class LiveStreamController {

    static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_.-]{0,31}");
    static final int MAX_TOPICS = 16;

    private final LiveHub hub;
    private final GlobalExceptionHandler errors;
    private final ObjectMapper json;

    public LiveStreamController(LiveHub hub, GlobalExceptionHandler errors, ObjectMapper json) {
        this.hub = hub;
        this.errors = errors;
        this.json = json;
    }

    @Operation(summary = "实时事件流（text/event-stream；topics 逗号分隔，默认 notice；每 20 秒一次心跳注释）")
    @GetMapping(path = "/api/notice/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestParam(required = false) String topics, HttpServletResponse response) {
        long userId = SecurityContext.require().userId();
        Set<String> wanted = topics(topics);
        // a reverse proxy (nginx) must pass events through at once instead of buffering them
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-cache, no-transform");
        return hub.open(userId, StpUtil.getTokenValue(), wanted);
    }

    @ExceptionHandler(NotLoginException.class)
    public void notLogin(NotLoginException e, HttpServletResponse response) throws IOException {
        write(errors.notLogin(e), response);
    }

    @ExceptionHandler(BizException.class)
    public void refused(BizException e, HttpServletResponse response) throws IOException {
        write(errors.biz(e), response);
    }

    private void write(ResponseEntity<ApiResponse<Object>> entity, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(entity.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(entity.getBody()));
    }

    static Set<String> topics(String topics) {
        Set<String> out = new LinkedHashSet<>();
        if (topics == null || topics.isBlank()) {
            out.add("notice");
            return out;
        }
        for (String t : topics.split(",")) {
            String s = t.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!TOPIC.matcher(s).matches()) {
                throw BizException.invalid("topics", "订阅主题“" + s + "”无效：只能由小写字母、数字、点、下划线和短横线组成");
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            out.add("notice");
        }
        if (out.size() > MAX_TOPICS) {
            throw BizException.invalid("topics", "一次最多订阅 " + MAX_TOPICS + " 个主题");
        }
        return out;
    }
}
