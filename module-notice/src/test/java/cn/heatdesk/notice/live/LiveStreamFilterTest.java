package cn.heatdesk.notice.live;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class LiveStreamFilterTest {

    MockFilterChain run(MockHttpServletRequest req) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        new LiveStreamFilter().doFilter(req, new MockHttpServletResponse(), chain);
        return chain;
    }

    @Test
    void tokenParameterBecomesTheAuthorizationHeader() throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", "/api/notice/stream");
        req.setParameter("token", "abc");
        HttpServletRequest seen = (HttpServletRequest) run(req).getRequest();
        assertThat(seen.getHeader("Authorization")).isEqualTo("Bearer abc");
        assertThat(seen.getHeader("authorization")).isEqualTo("Bearer abc");
        assertThat(Collections.list(seen.getHeaders("Authorization"))).containsExactly("Bearer abc");
        assertThat(Collections.list(seen.getHeaderNames())).contains("Authorization");
    }

    @Test
    void aHeaderWinsAndNoTokenChangesNothing() throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", "/api/notice/stream");
        req.addHeader("Authorization", "Bearer header");
        req.setParameter("token", "param");
        assertThat(((HttpServletRequest) run(req).getRequest()).getHeader("Authorization")).isEqualTo("Bearer header");
        MockHttpServletRequest none = new MockHttpServletRequest("GET", "/api/notice/stream");
        assertThat(((HttpServletRequest) run(none).getRequest()).getHeader("Authorization")).isNull();
    }

    @Test
    void theAsyncDispatchAtTheEndOfAStreamStopsHere() throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", "/api/notice/stream");
        req.setDispatcherType(DispatcherType.ASYNC);
        assertThat(run(req).getRequest()).isNull();
    }
}
