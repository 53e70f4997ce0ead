package org.chemoadvisor.loadtest;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One measured phase: either open-loop at a fixed rate (request i is due at start + i/rate and is sent
 * then whatever earlier requests are doing; its latency runs from that due time, so a stall counts for
 * every request it delays, no coordinated omission), or closed-loop "max" (N workers back to back).
 */
final class Phase {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;

    Phase(HttpClient client) {
        this.client = client;
    }

    /** Sends the requests at {@code rate} per second; latency measured from each request's scheduled time. */
    Result fixedRate(List<HttpRequest> requests, int rate) throws InterruptedException {
        int n = requests.size();
        long[] latencies = new long[n];
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(n);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            waitUntil(due);
            int index = i;
            client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                latencies[index] = now - due;
                if (failure != null || response.statusCode() >= 300) {
                    errors.incrementAndGet();
                    kinds.merge(failure != null ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode(),
                            1, Integer::sum);
                }
                lastDone.accumulateAndGet(now, Math::max);
                done.countDown();
            });
        }
        if (!done.await(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            // Overloaded: what is still outstanding counts as an error, its latency as waited so far.
            long now = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (latencies[i] == 0) {
                    latencies[i] = now - (start + i * period);
                    errors.incrementAndGet();
                    kinds.merge("outstanding", 1, Integer::sum);
                }
            }
            lastDone.accumulateAndGet(now, Math::max);
        }
        return new Result(latencies.clone(), errors.get(), (n - done.getCount()) / seconds(lastDone.get() - start),
                Map.copyOf(kinds));
    }

    /** {@code concurrency} workers send back to back until the requests or {@code seconds} run out. */
    Result max(List<HttpRequest> requests, int concurrency, int seconds) throws InterruptedException {
        long[] latencies = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < requests.size()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(requests.get(i), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 300) {
                            errors.incrementAndGet();
                            kinds.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        kinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    latencies[i] = System.nanoTime() - sent;
                }
            }, "load-max-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        int completed = Math.min(next.get(), requests.size());
        return new Result(Arrays.copyOf(latencies, completed), errors.get(), completed / seconds(System.nanoTime() - start),
                Map.copyOf(kinds));
    }

    static HttpRequest.Builder post(java.net.URI uri, String contentType, byte[] body, String token) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("Accept", contentType)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    static void waitUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Latencies in nanoseconds (one per request), errors (status >= 300 or no response) and their kinds, throughput. */
    record Result(long[] latencies, int errors, double throughput, Map<String, Integer> errorKinds) {

        double percentileMillis(double percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }
}
