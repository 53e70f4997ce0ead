package org.chemoadvisor.loadtest;

import java.util.concurrent.TimeUnit;

/**
 * The soak run's clock: a warm-up (not measured), a baseline window of valid traffic alone, then the
 * hostile window (valid traffic with the hostile requests mixed in) until the end. All in
 * {@link System#nanoTime()}.
 */
record Timeline(long start, long baselineFrom, long hostileFrom, long end) {

    enum Window {
        WARMUP("warm-up"), BASELINE("baseline"), HOSTILE("hostile");

        final String label;

        Window(String label) {
            this.label = label;
        }
    }

    static Timeline of(long start, int warmupSeconds, int baselineSeconds, int totalSeconds) {
        return new Timeline(start, start + nanos(warmupSeconds), start + nanos(warmupSeconds + baselineSeconds),
                start + nanos(totalSeconds));
    }

    Window windowAt(long nanoTime) {
        if (nanoTime < baselineFrom) {
            return Window.WARMUP;
        }
        return nanoTime < hostileFrom ? Window.BASELINE : Window.HOSTILE;
    }

    /** Seconds since the start, for log lines. */
    double at(long nanoTime) {
        return (nanoTime - start) / 1e9;
    }

    static long nanos(double seconds) {
        return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }
}
