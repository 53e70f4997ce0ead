package org.chemoadvisor.loadtest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokens for a run longer than a token lives (290 s), minted by a background thread so minting never takes
 * the sender's time or both cores at once. Two kinds:
 * <ul>
 *   <li>{@link #unique}: one token per request (the CDS endpoints refuse a {@code jti} they have seen): a
 *       queue of at most {@code ahead} fresh tokens kept full, one signature at a time;</li>
 *   <li>{@link #reused}: one token for every request, replaced every {@code seconds} (the /fhir resource
 *       server checks signature, audience and expiry, not replay, so that is what a real client does).</li>
 * </ul>
 */
final class TokenSupply {

    interface Mint {
        String next() throws Exception;
    }

    private final BlockingQueue<String> queue;
    private volatile String current;
    private final AtomicInteger waits = new AtomicInteger();

    private TokenSupply(BlockingQueue<String> queue) {
        this.queue = queue;
    }

    static TokenSupply unique(String name, int ahead, Mint mint) {
        TokenSupply supply = new TokenSupply(new ArrayBlockingQueue<>(Math.max(1, ahead)));
        supply.start(name, () -> {
            while (true) {
                supply.queue.put(mint.next());
            }
        });
        return supply;
    }

    static TokenSupply reused(String name, int seconds, Mint mint) {
        TokenSupply supply = new TokenSupply(null);
        supply.start(name, () -> {
            while (true) {
                supply.current = mint.next();
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            }
        });
        return supply;
    }

    private interface Loop {
        void run() throws Exception;
    }

    private void start(String name, Loop loop) {
        Thread minter = new Thread(() -> {
            try {
                loop.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot mint " + name + " tokens", e);
            }
        }, "mint-" + name);
        minter.setDaemon(true);
        minter.start();
    }

    /** The next token; waits (and counts the wait) when minting has fallen behind. */
    String take() throws InterruptedException {
        if (queue == null) {
            return current;
        }
        String token = queue.poll();
        if (token == null) {
            waits.incrementAndGet();
            token = queue.take();
        }
        return token;
    }

    /** Blocks until the supply is full (before the run starts). */
    void fill() throws InterruptedException {
        while (queue == null ? current == null : queue.remainingCapacity() > 0) {
            Thread.sleep(50);
        }
    }

    /** How often a sender had to wait for a token. */
    int waits() {
        return waits.get();
    }
}
