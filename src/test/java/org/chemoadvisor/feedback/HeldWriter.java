package org.chemoadvisor.feedback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The issued-card writer's thread, held by a test: a task scheduled is kept, with its delay, until the test
 * runs it. No test waits for the background writer or for a retry's delay to pass.
 */
final class HeldWriter implements QueuedIssuedCards.Writer {

    record Scheduled(Runnable task, Duration delay) {
    }

    /** Request threads schedule while the test thread runs: the list is synchronized. */
    private final List<Scheduled> pending = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void schedule(Runnable task, Duration delay) {
        pending.add(new Scheduled(task, delay));
    }

    /** The tasks scheduled and not run yet, oldest first (the list itself: a test may take from it). */
    List<Scheduled> pending() {
        return pending;
    }

    /** Runs the oldest task. */
    void runNext() {
        Scheduled next;
        synchronized (pending) {
            if (pending.isEmpty()) {
                throw new IllegalStateException("no write is scheduled");
            }
            next = pending.remove(0);
        }
        next.task().run();
    }

    /** Runs the tasks scheduled so far, as if their delays had passed; those they schedule stay pending. */
    void runScheduledSoFar() {
        int scheduled = pending.size();
        for (int i = 0; i < scheduled; i++) {
            runNext();
        }
    }

    /** Runs tasks, and those they schedule, until none is left; fails rather than loop for ever. */
    void runUntilIdle(int atMostTasks) {
        for (int run = 0; !pending.isEmpty(); run++) {
            if (run == atMostTasks) {
                throw new IllegalStateException("the writer still had tasks after " + atMostTasks);
            }
            runNext();
        }
    }
}
