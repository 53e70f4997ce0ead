package org.chemoadvisor.bulk;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claims done and claims per second while a review runs: a line rewritten in place on a terminal,
 * a plain line every ten seconds otherwise (a log, a CI job). The time left is estimated from the
 * input bytes read (compressed bytes, for gzip) against the claim files' total size.
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final AtomicLong done;
    /** Input bytes read so far, and in all: the estimate assumes the rest reads at the same pace. */
    final AtomicLong bytesRead = new AtomicLong();
    private volatile long bytesTotal;
    private volatile long reviewStarted;
    private volatile boolean splitting;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "review-progress");
        thread.setDaemon(true);
        return thread;
    });

    private Progress(PrintStream out, AtomicLong done, boolean terminal) {
        this.out = out;
        this.done = done;
        this.terminal = terminal;
    }

    static Progress start(PrintStream out, AtomicLong done) {
        Progress progress = new Progress(out, done, System.console() != null && out == System.out);
        progress.ticker.scheduleAtFixedRate(progress::print, 1, progress.terminal ? 1 : 10, TimeUnit.SECONDS);
        return progress;
    }

    /** The input is read now to split it by patient, {@code total} bytes in all. */
    void splitting(long total) {
        bytesTotal = total;
        bytesRead.set(0);
        splitting = true;
    }

    /** The review pass starts now, over {@code total} bytes of claim files. */
    void reviewing(long total) {
        splitting = false;
        bytesTotal = total;
        bytesRead.set(0);
        reviewStarted = System.nanoTime();
    }

    private void print() {
        String line = line();
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line() {
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format("%,d claims, %,.0f claims/s, %.0f s", done.get(), done.get() / seconds, seconds);
        long read = bytesRead.get();
        if (splitting && bytesTotal > 0) {
            return line + String.format(", splitting the input by patient: %d%% read",
                    Math.min(100, read * 100 / bytesTotal));
        }
        if (reviewStarted > 0 && read > 0 && bytesTotal > 0) {
            double reviewing = (System.nanoTime() - reviewStarted) / 1e9;
            long left = Math.max(0, Math.round(reviewing * (bytesTotal - read) / read));
            line += String.format(", %d%% read, about %d s left", Math.min(100, read * 100 / bytesTotal), left);
        }
        return line;
    }

    void finish() {
        ticker.shutdownNow();
        if (terminal) {
            out.println();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
