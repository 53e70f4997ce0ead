package org.chemoadvisor.cdshooks.data;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The one deadline all the prefetch fallback reads of a hook call share ({@code cds.prefetch.deadline}
 * from when the call started): each read gets what is left, and none starts once it has passed.
 */
public final class FallbackDeadline {

    private final Duration budget;
    private final LongSupplier nanoTime;
    private final long startedNanos;

    private FallbackDeadline(Duration budget, LongSupplier nanoTime) {
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
    }

    /** {@code nanoTime}: {@link System#nanoTime()}, or a clock a test moves. */
    static FallbackDeadline startingNow(Duration budget, LongSupplier nanoTime) {
        return new FallbackDeadline(budget, nanoTime);
    }

    /** The whole budget, for log lines. */
    Duration budget() {
        return budget;
    }

    /** Milliseconds left, rounded up (a timeout of this many ends at or after the deadline); 0 once passed. */
    long remainingMillis() {
        long left = budget.toNanos() - (nanoTime.getAsLong() - startedNanos);
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
    }

    boolean passed() {
        return nanoTime.getAsLong() - startedNanos >= budget.toNanos();
    }
}
