package org.chemoadvisor.cdshooks.data;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.chemoadvisor.metrics.AdviceMetrics;

/**
 * Where the fallback reads' aborts are scheduled in a test: held until the test lets the deadline
 * pass ({@link #pass}), not run when time has passed, so no test waits for a deadline.
 */
public final class DeadlineTimer extends ScheduledThreadPoolExecutor {

    private final List<FutureTask<Object>> held = new CopyOnWriteArrayList<>();
    private final Semaphore scheduled = new Semaphore(0);

    public DeadlineTimer() {
        super(1);
    }

    /** A fetcher whose deadlines are kept on {@code nanoTime} and pass when this timer is let pass. */
    public FallbackFetcher fetcher(FhirContext fhirContext, PrefetchProperties properties, AdviceMetrics metrics,
            LongSupplier nanoTime) {
        return new FallbackFetcher(fhirContext, properties, metrics, nanoTime, this);
    }

    /** Forgets the aborts scheduled so far (a test that shares the timer starts counting its own reads). */
    public void forget() {
        held.clear();
        scheduled.drainPermits();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable abort, long delay, TimeUnit unit) {
        Held task = new Held(abort);
        held.add(task);
        scheduled.release();
        return task;
    }

    /**
     * Waits for {@code reads} more reads to have scheduled their abort (each does as it is sent). No time bound of
     * its own: a read that never starts is ended by the test run's timeout (junit-platform.properties).
     */
    public void awaitReads(int reads) throws InterruptedException {
        scheduled.acquire(reads);
    }

    /** Lets the deadline pass: every abort scheduled and not cancelled runs. */
    public void pass() {
        held.forEach(FutureTask::run);
    }

    private static final class Held extends FutureTask<Object> implements ScheduledFuture<Object> {

        Held(Runnable abort) {
            super(abort, null);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return Long.MAX_VALUE;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }
    }
}
