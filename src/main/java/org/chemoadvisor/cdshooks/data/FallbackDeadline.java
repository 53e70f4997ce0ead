package org.chemoadvisor.cdshooks.data;

import java.time.Duration;

/**
 * The one deadline all the prefetch fallback reads of a hook call share ({@code cds.prefetch.deadline}
 * from when the call started): each read gets what is left, and none starts once it has passed.
 */
public final class FallbackDeadline {

    private final Duration budget;
    private final long startedNanos;

    private FallbackDeadline(Duration budget, long startedNanos) {
        this.budget = budget;
        this.startedNanos = startedNanos;
    }

    static FallbackDeadline startingNow(Duration budget) {
        return new FallbackDeadline(budget, System.nanoTime());
    }

    /** The whole budget, for log lines. */
    Duration budget() {
        return budget;
    }

    /** Milliseconds left, rounded up (a timeout of this many ends at or after the deadline); 0 once passed. */
    long remainingMillis() {
        long left = budget.toNanos() - (System.nanoTime() - startedNanos);
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
    }

    boolean passed() {
        return System.nanoTime() - startedNanos >= budget.toNanos();
    }
}
