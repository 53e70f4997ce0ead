package org.chemoadvisor.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chemoadvisor.loadtest.Timeline.Window;

/**
 * The valid traffic of the soak run: open loop at a fixed total rate for the whole run (ramped up in the
 * first half of the warm-up), the endpoints in turn (request i is due at start + i/rate and goes to
 * endpoint i mod n, whatever earlier requests are doing; its latency runs from that due time, as in
 * {@link Phase}). Each request gets a fresh token
 * from its endpoint's {@link TokenSupply}. Latencies are kept per endpoint and per window of the
 * {@link Timeline}; outcomes go to the shared {@link Tally}.
 */
final class SteadyTraffic {

    /** One endpoint of valid traffic: where, what, and its tokens. */
    record Endpoint(String name, URI uri, String contentType, byte[] body, TokenSupply tokens) {
    }

    private final HttpClient client;
    private final List<Endpoint> endpoints;
    private final int rate;
    private final Timeline timeline;
    private final Tally tally;
    private final Map<String, EnumMap<Window, Latencies>> latencies = new LinkedHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread sender;
    private volatile long maxLag;
    private volatile boolean paused;
    private final AtomicInteger skipped = new AtomicInteger();

    SteadyTraffic(HttpClient client, List<Endpoint> endpoints, int rate, Timeline timeline, Tally tally) {
        this.client = client;
        this.endpoints = endpoints;
        this.rate = rate;
        this.timeline = timeline;
        this.tally = tally;
        for (Endpoint endpoint : endpoints) {
            EnumMap<Window, Latencies> windows = new EnumMap<>(Window.class);
            for (Window window : Window.values()) {
                windows.put(window, new Latencies());
            }
            latencies.put(endpoint.name(), windows);
            tally.declare(endpoint.name());
        }
        this.sender = new Thread(this::send, "soak-sender");
        sender.setDaemon(true);
        sender.setPriority(Thread.MAX_PRIORITY);
    }

    void start() {
        sender.start();
    }

    private void send() {
        try {
            long next = timeline.start();
            for (long i = 0; next < timeline.end(); i++, next += period(next)) {
                long due = next;
                Phase.waitUntil(due);
                if (paused) {
                    skipped.incrementAndGet();
                    continue;
                }
                Endpoint endpoint = endpoints.get((int) (i % endpoints.size()));
                HttpRequest request = Phase.post(endpoint.uri(), endpoint.contentType(), endpoint.body(),
                        endpoint.tokens().take()).build();
                Latencies window = latencies.get(endpoint.name()).get(timeline.windowAt(due));
                maxLag = Math.max(maxLag, System.nanoTime() - due);
                outstanding.incrementAndGet();
                sent.incrementAndGet();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    window.add(System.nanoTime() - due);
                    if (failure != null) {
                        tally.add(endpoint.name(), Outcome.ofFailure(failure), Outcome.detail(failure));
                    } else {
                        tally.add(endpoint.name(), Outcome.ofStatus(response.statusCode()), "HTTP " + response.statusCode());
                    }
                    outstanding.decrementAndGet();
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Nanoseconds to the next request after one due at {@code due}: 1/rate, except in the first half of
     * the warm-up, when the rate ramps up from a tenth (a cold JVM costs several times more per request
     * until the JIT has compiled the hot paths, and a backlog built then would outlast the warm-up).
     */
    private long period(long due) {
        long rampEnd = timeline.start() + (timeline.baselineFrom() - timeline.start()) / 2;
        double share = due >= rampEnd ? 1 : 0.1 + 0.9 * (due - timeline.start()) / (double) (rampEnd - timeline.start());
        return (long) (TimeUnit.SECONDS.toNanos(1) / (rate * share));
    }

    /**
     * Stops sending (requests falling due meanwhile are skipped, not sent later) and waits up to
     * {@code maxMillis} for the answers still outstanding, so the service holds no request when it is
     * measured; true if none is left.
     */
    boolean pause(long maxMillis) throws InterruptedException {
        paused = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return outstanding.get() == 0;
    }

    void resume() {
        paused = false;
    }

    /** Requests skipped while paused. */
    int skipped() {
        return skipped.get();
    }

    /** Waits for the sender to pass the end and for the answers (each request times out after 30 s). */
    void awaitEnd() throws InterruptedException {
        sender.join();
        long deadline = System.nanoTime() + Phase.TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(10);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Requests still without an answer or failure (after {@link #awaitEnd()}: lost ones). */
    int outstanding() {
        return outstanding.get();
    }

    int sent() {
        return sent.get();
    }

    /** The longest a request went out after its due time, ms (the generator falling behind, e.g. for tokens). */
    double maxSendLagMillis() {
        return maxLag / 1e6;
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Latencies (ns) of the endpoint's requests due in the window, answered or failed. */
    Phase.Result result(String endpoint, Window window) {
        long[] values = latencies.get(endpoint).get(window).values();
        return new Phase.Result(values, 0, 0, Map.of());
    }

    /** A growable array of latencies, filled from the client's completion thread. */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] values() {
            return Arrays.copyOf(values, size);
        }
    }
}
