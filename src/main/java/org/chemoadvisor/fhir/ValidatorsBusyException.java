package org.chemoadvisor.fhir;

import java.time.Duration;

/**
 * No pooled validator came free within {@code chemo.validator.max-wait}: every one is validating and
 * more requests are waiting than the pool gets through in that time. The request was not checked; the
 * caller may send it again.
 */
public final class ValidatorsBusyException extends RuntimeException {

    private final Duration maxWait;

    ValidatorsBusyException(Duration maxWait) {
        super("No validator came free within " + maxWait.toMillis() + " ms");
        this.maxWait = maxWait;
    }

    public Duration maxWait() {
        return maxWait;
    }
}
