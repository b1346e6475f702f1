package dev.tendril.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.platform.RequestTooLargeException;
import jakarta.servlet.ServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class LimitRequestBodiesTest {
    private final LimitRequestBodies filter = new LimitRequestBodies(DataSize.ofBytes(10), DataSize.ofBytes(20), JsonMapper.builder().build());

    private static MockHttpServletRequest request(String uri, byte[] body, boolean announceLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri) {
            @Override
            public long getContentLengthLong() {
                return announceLength ? super.getContentLengthLong() : -1;
            }
        };
        request.setContent(body);
        return request;
    }

    @Test
    void aBodyThatSaysItIsTooLargeIsRefusedUnread() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("/api/v1/contacts", new byte[11], true), response, (req, res) -> {
            throw new AssertionError("the request must not reach the controller");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"field\":\"body\"");
    }

    @Test
    void aBodyOfUnknownLengthStopsAtTheBound() throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request("/api/v1/contacts", new byte[11], false), new MockHttpServletResponse(), (req, res) -> seen.set(req));
        assertThatThrownBy(() -> seen.get().getInputStream().readAllBytes()).isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void csvUploadsHaveABoundOfTheirOwnAndTheTrackingApiIsLeftAlone() throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request("/api/v1/imports", new byte[20], true), new MockHttpServletResponse(), (req, res) -> seen.set(req));
        assertThat(seen.get().getInputStream().readAllBytes()).hasSize(20);
        MockHttpServletResponse tracking = new MockHttpServletResponse();
        filter.doFilter(request("/v1/batch", new byte[100], true), tracking, (req, res) -> seen.set(req));
        assertThat(tracking.getStatus()).isEqualTo(200);
    }
}
