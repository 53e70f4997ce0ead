package org.chemoadvisor.feedback;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts occurrences of a problem and says when to warn about it: at most once per interval, with
 * how many occurred since the previous warning, so an outage gives one log line a minute rather
 * than one per card or request.
 */
final class ThrottledWarning {

    private final long intervalNanos;
    private final AtomicLong sinceWarning = new AtomicLong();
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    ThrottledWarning(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Counts {@code occurrences}; returns how many there were since the last warning when one is
     * due now (the caller logs it), otherwise 0.
     */
    long occurred(long occurrences) {
        sinceWarning.addAndGet(occurrences);
        long due = nextWarning.get();
        long now = System.nanoTime();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + intervalNanos)) {
            return sinceWarning.getAndSet(0);
        }
        return 0;
    }
}
