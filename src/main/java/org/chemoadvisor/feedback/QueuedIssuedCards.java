package org.chemoadvisor.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records issued cards off the request thread: {@link #record} only puts them in a bounded queue,
 * and a writer task on {@code writer} inserts them in batches. When the queue is full the new cards
 * are dropped, counted in {@value #DROPPED} and warned about at most once a minute, rather than make
 * a clinician wait for the store. Feedback about a dropped card is still kept (under rule
 * "unknown" in the report). {@link #flush} writes what is queued on the calling thread; the report
 * calls it, and {@link #close} does on shutdown, so nothing queued is lost on a clean stop.
 */
public class QueuedIssuedCards implements IssuedCards, AutoCloseable {

    static final String DROPPED = "chemo.feedback.issued.cards.dropped";
    static final String QUEUED = "chemo.feedback.issued.cards.queued";
    private static final Logger log = LoggerFactory.getLogger(QueuedIssuedCards.class);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final JdbcIssuedCards table;
    private final Executor writer;
    private final BlockingQueue<IssuedCard> queue;
    private final int batchSize;
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    /** Held while cards are taken from the queue and written, so a flush sees every earlier card written. */
    private final Object writing = new Object();
    private final Counter droppedQueueFull;
    private final Counter droppedWriteFailed;
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    public QueuedIssuedCards(JdbcIssuedCards table, Executor writer, IssuedCardsProperties properties,
            MeterRegistry meters) {
        this.table = table;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.batchSize = properties.batchSize();
        this.droppedQueueFull = droppedCounter(meters, "queue-full");
        this.droppedWriteFailed = droppedCounter(meters, "write-failed");
        Gauge.builder(QUEUED, queue, BlockingQueue::size)
                .description("Issued cards waiting for the background writer").register(meters);
    }

    @Override
    public void record(List<IssuedCard> cards) {
        int dropped = 0;
        for (IssuedCard card : cards) {
            if (!queue.offer(card)) {
                dropped++;
            }
        }
        if (dropped > 0) {
            dropped(droppedQueueFull, dropped, "the queue is full");
        }
        if (writeScheduled.compareAndSet(false, true)) {
            try {
                writer.execute(this::write);
            } catch (RejectedExecutionException e) {
                // The writer is shut down (the service is stopping): write on this thread.
                writeScheduled.set(false);
                flush();
            }
        }
    }

    @Override
    public void flush() {
        synchronized (writing) {
            List<IssuedCard> batch = new ArrayList<>(batchSize);
            while (queue.drainTo(batch, batchSize) > 0) {
                insert(batch);
                batch.clear();
            }
        }
    }

    /** Stops the writer and writes what is still queued. */
    @Override
    public void close() throws InterruptedException {
        if (writer instanceof ExecutorService executor) {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        flush();
    }

    private void write() {
        // Cleared before draining: cards queued from here on schedule the next write.
        writeScheduled.set(false);
        flush();
    }

    private void insert(List<IssuedCard> batch) {
        try {
            table.insert(batch);
        } catch (RuntimeException e) {
            // Advice matters more than its bookkeeping; the exception text may quote the values bound.
            dropped(droppedWriteFailed, batch.size(), "writing failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void dropped(Counter counter, int cards, String why) {
        counter.increment(cards);
        droppedSinceWarning.addAndGet(cards);
        long due = nextWarning.get();
        long now = System.nanoTime();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_INTERVAL_NANOS)) {
            log.warn("{} issued cards not recorded since the last warning, latest because {}; feedback on them"
                    + " is reported under rule 'unknown' (metric {})", droppedSinceWarning.getAndSet(0), why, DROPPED);
        }
    }

    private static Counter droppedCounter(MeterRegistry meters, String reason) {
        return Counter.builder(DROPPED).tag("reason", reason)
                .description("Issued cards not recorded in the feedback store").register(meters);
    }
}
