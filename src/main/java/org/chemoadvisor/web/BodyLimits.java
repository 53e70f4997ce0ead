package org.chemoadvisor.web;

import java.time.Duration;

/**
 * What one endpoint accepts as a request body: at most {@code maxBytes} once decoded (the limit
 * counts inflated bytes, so a small gzip body cannot expand past it), read within
 * {@code readTimeout} from the start of the request.
 *
 * @param maxBytes     largest body, after any Content-Encoding is undone
 * @param sizeSetting  the setting that holds {@code maxBytes}, named in the answer
 * @param readTimeout  longest time the whole body may take to arrive
 * @param clock        what {@code readTimeout} is measured on
 */
public record BodyLimits(long maxBytes, String sizeSetting, Duration readTimeout, BodyReadClock clock) {

    public BodyLimits(long maxBytes, String sizeSetting, Duration readTimeout) {
        this(maxBytes, sizeSetting, readTimeout, BodyReadClock.SYSTEM);
    }

    String tooLargeMessage() {
        return "The request body is larger than the limit of " + maxBytes + " bytes (" + sizeSetting + ")";
    }

    String tooSlowMessage() {
        return "The request body did not arrive within " + readTimeout.toMillis() + " ms (chemo.http.body-read-timeout)";
    }
}
