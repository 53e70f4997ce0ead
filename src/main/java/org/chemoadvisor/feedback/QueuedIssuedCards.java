package org.chemoadvisor.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;

/**
 * Records issued cards off the request thread: {@link #record} only puts them in a bounded queue,
 * and a writer task on {@code writer} inserts them in batches, {@code linger} after the first card
 * queued since the last write (one transaction for many calls' cards). When the queue is full the new cards
 * are dropped, counted in {@value #DROPPED} and warned about at most once a minute, rather than make
 * a clinician wait for the store. Feedback about a dropped card is still kept (under rule
 * "unknown" in the report). {@link #flush} writes what is queued on the calling thread; the report
 * calls it, and {@link #close} does on shutdown, so nothing queued is lost on a clean stop.
 *
 * <p>When the store cannot be reached (database down, no connection within the pool's timeout),
 * the failed batch is kept and tried again after a delay that doubles with each failure in a row
 * (see {@link IssuedCardsProperties}); meanwhile cards keep queueing, up to the queue's capacity.
 * A batch that failed {@code max-attempts} times is dropped, and so is one the store refuses (a
 * value it will never take), both counted. Each failed attempt counts in {@value #FAILED}. The
 * first write that succeeds ends the waiting, so the queue empties by itself when the store is
 * back. Nothing here blocks {@link #record} or lets a failure reach it; log lines name the kind
 * of failure, never the exception's text (it can quote the values bound).
 */
public class QueuedIssuedCards implements IssuedCards, AutoCloseable {

    static final String DROPPED = "chemo.feedback.issued.cards.dropped";
    static final String QUEUED = "chemo.feedback.issued.cards.queued";
    static final String FAILED = "chemo.feedback.issued.cards.failed";
    /** {@value #DROPPED} tags: the queue was full; the store refused the batch; the store stayed unreachable. */
    static final String QUEUE_FULL = "queue-full";
    static final String WRITE_FAILED = "write-failed";
    static final String STORE_UNAVAILABLE = "store-unavailable";

    private static final Logger log = LoggerFactory.getLogger(QueuedIssuedCards.class);
    private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

    /** The writer's one thread: runs a task as soon as it can ({@link Duration#ZERO}) or after a delay. */
    public interface Writer {

        /** Throws {@link RejectedExecutionException} once stopped. */
        void schedule(Runnable task, Duration delay);

        /** Takes no more tasks, drops the delayed ones and waits (a while) for the running one. */
        default void stop() throws InterruptedException {
        }

        /** Delayed tasks should not outlive {@code shutdown()}: see {@code setExecuteExistingDelayedTasksAfterShutdownPolicy}. */
        static Writer on(ScheduledExecutorService executor) {
            return new Writer() {
                @Override
                public void schedule(Runnable task, Duration delay) {
                    executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                }

                @Override
                public void stop() throws InterruptedException {
                    executor.shutdown();
                    executor.awaitTermination(10, TimeUnit.SECONDS);
                }
            };
        }
    }

    private final JdbcIssuedCards table;
    private final Writer writer;
    private final IssuedCardsProperties properties;
    private final BlockingQueue<IssuedCard> queue;
    /** A write task is scheduled and has not started draining yet. */
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    /**
     * Held while cards are taken from the queue and written, so a flush sees every earlier card
     * written. Guards {@link #held}, {@link #heldAttempts} and {@link #failuresInARow}.
     */
    private final Object writing = new Object();
    /** A batch whose write failed because the store was unreachable, to be tried again before the queue. */
    private List<IssuedCard> held = List.of();
    private int heldAttempts;
    private int failuresInARow;
    /**
     * A retry is scheduled: until it runs, the writer leaves the store alone (no attempt per
     * request while the database is down). Set with the retry's scheduling, cleared only by it.
     */
    private volatile boolean retryScheduled;
    /** Cards taken and not yet written or dropped: queued, held or being written (the gauge). */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter droppedQueueFull;
    private final Counter droppedWriteFailed;
    private final Counter droppedStoreUnavailable;
    private final Counter failedAttempts;
    private final ThrottledWarning droppedWarning = new ThrottledWarning(WARN_INTERVAL);
    private final ThrottledWarning failedWarning = new ThrottledWarning(WARN_INTERVAL);

    public QueuedIssuedCards(JdbcIssuedCards table, Writer writer, IssuedCardsProperties properties,
            MeterRegistry meters) {
        this.table = table;
        this.writer = writer;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.droppedQueueFull = droppedCounter(meters, QUEUE_FULL);
        this.droppedWriteFailed = droppedCounter(meters, WRITE_FAILED);
        this.droppedStoreUnavailable = droppedCounter(meters, STORE_UNAVAILABLE);
        this.failedAttempts = Counter.builder(FAILED)
                .description("Attempts to write a batch of issued cards that failed (each is retried or dropped)")
                .register(meters);
        Gauge.builder(QUEUED, waiting, AtomicInteger::get)
                .description("Issued cards waiting for the background writer").register(meters);
    }

    @Override
    public void record(List<IssuedCard> cards) {
        int dropped = 0;
        for (IssuedCard card : cards) {
            // Counted before the offer: the writer may take and write it at once.
            waiting.incrementAndGet();
            if (!queue.offer(card)) {
                waiting.decrementAndGet();
                dropped++;
            }
        }
        if (dropped > 0) {
            dropped(droppedQueueFull, dropped, "the queue is full");
        }
        // While a retry is scheduled it will write these too; read after the offers, so a retry
        // that starts after this read finds them queued.
        if (!retryScheduled && writeScheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(this::write, properties.linger());
            } catch (RejectedExecutionException e) {
                // The writer is stopped (the service is stopping): write on this thread.
                writeScheduled.set(false);
                writeOrDrop();
            }
        }
    }

    /**
     * Writes every queued card on this thread, whether or not the writer is waiting to retry (so a
     * report is also a probe of the store). Throws the store's exception when it cannot be
     * reached; the cards not written stay queued for the writer.
     */
    @Override
    public void flush() {
        synchronized (writing) {
            RuntimeException failure = drain();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Stops the writer and writes what is still queued; if the store is unreachable, drops it (counted). */
    @Override
    public void close() throws InterruptedException {
        writer.stop();
        // A write still waiting out the linger went with the writer: from here on each caller writes its own cards.
        writeScheduled.set(false);
        writeOrDrop();
    }

    private void write() {
        // Cleared before draining: cards queued from here on schedule the next write.
        writeScheduled.set(false);
        if (retryScheduled) {
            return;
        }
        synchronized (writing) {
            drain();
        }
    }

    private void retry() {
        synchronized (writing) {
            retryScheduled = false;
            drain();
        }
    }

    private void writeOrDrop() {
        synchronized (writing) {
            if (drain() != null) {
                List<IssuedCard> rest = new ArrayList<>(held);
                queue.drainTo(rest);
                hold(List.of(), 0);
                if (!rest.isEmpty()) {
                    lost(droppedStoreUnavailable, rest.size(), "the feedback store is unavailable at shutdown");
                }
            }
        }
    }

    /**
     * Writes the held batch, then the queue, batch by batch. Returns null once all is written, or
     * the failure of a store that cannot be reached: the batch is then held and a retry scheduled.
     * Caller holds {@link #writing}.
     */
    private RuntimeException drain() {
        while (true) {
            List<IssuedCard> batch = held;
            if (batch.isEmpty()) {
                batch = new ArrayList<>(properties.batchSize());
                if (queue.drainTo(batch, properties.batchSize()) == 0) {
                    return null;
                }
            }
            try {
                table.insert(batch);
                hold(List.of(), 0);
                waiting.addAndGet(-batch.size());
                failuresInARow = 0;
            } catch (RuntimeException | Error e) {
                // An Error too: a driver may throw one when the connection dies mid-batch (pgjdbc's
                // AssertionError under -ea, pgjdbc#1458); escaping, it would lose the batch uncounted.
                failedAttempts.increment();
                if (e instanceof VirtualMachineError) {
                    hold(batch, batch == held ? heldAttempts : 0);
                    throw e;
                }
                if (!unreachable(e)) {
                    hold(List.of(), 0);
                    lost(droppedWriteFailed, batch.size(), "the store refused them (" + e.getClass().getSimpleName() + ")");
                    continue;
                }
                failuresInARow++;
                int attempts = (batch == held ? heldAttempts : 0) + 1;
                if (attempts >= properties.maxAttempts()) {
                    hold(List.of(), 0);
                    lost(droppedStoreUnavailable, batch.size(),
                            "the feedback store stayed unavailable (" + attempts + " attempts)");
                } else {
                    hold(batch, attempts);
                }
                Duration delay = properties.delayAfter(failuresInARow);
                long failures = failedWarning.occurred(1);
                if (failures > 0) {
                    log.warn("Feedback store unavailable: {} attempts to write issued cards failed since the last"
                                    + " warning, latest {}; {} cards waiting, next attempt in {} ms (metric {})",
                            failures, e.getClass().getSimpleName(), waiting.get(), delay.toMillis(), FAILED);
                }
                scheduleRetry(delay);
                return e instanceof RuntimeException runtime ? runtime
                        : new DataAccessResourceFailureException("Writing issued cards failed", e);
            }
        }
    }

    private void scheduleRetry(Duration delay) {
        if (retryScheduled) {
            return;
        }
        retryScheduled = true;
        try {
            writer.schedule(this::retry, delay);
        } catch (RejectedExecutionException e) {
            // Stopping: close() makes the last attempt.
            retryScheduled = false;
        }
    }

    private void hold(List<IssuedCard> batch, int attempts) {
        held = batch;
        heldAttempts = attempts;
    }

    /**
     * The store could not be reached (no connection, connection lost, timed out), as opposed to
     * refusing these rows (a value too long, a missing table), where trying again cannot help.
     */
    static boolean unreachable(Throwable e) {
        return !(e instanceof NonTransientDataAccessException) || e instanceof DataAccessResourceFailureException;
    }

    /** Taken cards that will not be written: no longer waiting, and counted as dropped. */
    private void lost(Counter counter, int cards, String why) {
        waiting.addAndGet(-cards);
        dropped(counter, cards, why);
    }

    private void dropped(Counter counter, int cards, String why) {
        counter.increment(cards);
        long dropped = droppedWarning.occurred(cards);
        if (dropped > 0) {
            log.warn("{} issued cards not recorded since the last warning, latest because {}; feedback on them"
                    + " is reported under rule 'unknown' (metric {})", dropped, why, DROPPED);
        }
    }

    private static Counter droppedCounter(MeterRegistry meters, String reason) {
        return Counter.builder(DROPPED).tag("reason", reason)
                .description("Issued cards not recorded in the feedback store").register(meters);
    }
}
