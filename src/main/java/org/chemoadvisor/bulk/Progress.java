package org.chemoadvisor.bulk;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claims done and claims per second while a review runs: a line rewritten in place on a terminal,
 * a plain line every ten seconds otherwise (a log, a CI job). The total is unknown while reading a
 * stream, so no ETA is guessed.
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final AtomicLong done;
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

    private void print() {
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format("%,d claims, %,.0f claims/s, %.0f s", done.get(), done.get() / seconds, seconds);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
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
