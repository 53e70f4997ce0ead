package org.chemoadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The body read timeout on a clock the test moves: the body is cut off while it is still coming, not after. */
class BoundedBodyRequestTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private final AtomicLong now = new AtomicLong();
    private final BodyLimits limits = new BodyLimits(10_000, "test.max-size", TIMEOUT, now::get);

    @Test
    void aBodyStillArrivingAfterTheTimeoutIsRefusedAtTheNextRead() throws IOException {
        InputStream body = request(new byte[1000]).getInputStream();

        assertThat(body.read(new byte[100])).isEqualTo(100);
        now.addAndGet(TIMEOUT.toNanos() + 1);

        assertThatThrownBy(() -> body.read(new byte[100]))
                .isInstanceOf(Refused.class).hasMessage("TOO_SLOW: " + limits.tooSlowMessage());
    }

    @Test
    void aBodyReadWithinTheTimeoutIsReadWhole() throws IOException {
        InputStream body = request(new byte[1000]).getInputStream();
        now.addAndGet(TIMEOUT.toNanos() - 1);

        assertThat(body.readAllBytes()).hasSize(1000);
    }

    private BoundedBodyRequest request(byte[] content) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/x");
        request.setContent(content);
        return new BoundedBodyRequest(request, limits, false, (refusal, message) -> new Refused(refusal + ": " + message));
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
