package org.chemoadvisor.cdshooks.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server that counts the requests it accepts and answers each in one fixed way:
 * promptly, with a redirect, late, a byte at a time, never, or with more than a client should read.
 * Each request is handled on a thread of its own, so slow answers do not queue behind each other here.
 */
public final class CountingServer implements AutoCloseable {

    static final String EMPTY_BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}";
    private static final byte[] BUNDLE_START =
            "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENTRY =
            "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c\"}},".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENTRY_BLOCK = repeat(ENTRY, 200);

    @FunctionalInterface
    private interface Answer {
        void answer(CountingServer server, HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final AtomicInteger requests = new AtomicInteger();
    private final Semaphore received = new Semaphore(0);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Answer answer;

    private CountingServer(Answer answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "counting-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers every request with an empty searchset Bundle. */
    public static CountingServer answering() {
        return answeringWith(EMPTY_BUNDLE.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers every request with {@code body} as a FHIR JSON searchset, Content-Length declared. */
    static CountingServer answeringWith(byte[] body) {
        return new CountingServer((server, exchange) -> send(exchange, body));
    }

    /** Answers every request with 302 to {@code location}. */
    static CountingServer redirectingTo(String location) {
        return new CountingServer((server, exchange) -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    /**
     * Sends the headers at once, then an empty searchset Bundle (chunked, no Content-Length) one byte
     * every {@code interval}: never silent long enough for a socket timeout, never done in time.
     */
    public static CountingServer trickling(Duration interval) {
        byte[] body = EMPTY_BUNDLE.getBytes(StandardCharsets.UTF_8);
        return new CountingServer((server, exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    if (server.closed.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            }
        });
    }

    /** Accepts the connection and reads the request, then answers nothing until closed. */
    public static CountingServer neverAnswering() {
        return new CountingServer((server, exchange) -> server.closed.await());
    }

    /**
     * A searchset Bundle with no end (chunked, no Content-Length), sent as fast as the client
     * reads it, until the client hangs up.
     */
    public static CountingServer flooding() {
        return new CountingServer((server, exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BUNDLE_START);
                while (server.closed.getCount() > 0) {
                    out.write(ENTRY_BLOCK);
                }
            }
        });
    }

    /** {@code body} gzip-encoded, Content-Length that of the (small) compressed form. */
    static CountingServer answeringGzipped(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] wire = compressed.toByteArray();
        return new CountingServer((server, exchange) -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            send(exchange, wire);
        });
    }

    /** A valid searchset Bundle of about {@code size} bytes (at least that many). */
    static byte[] bundleOfAbout(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 200);
        out.writeBytes(BUNDLE_START);
        byte[] entry = "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c\"}}".getBytes(StandardCharsets.UTF_8);
        out.writeBytes(entry);
        while (out.size() < size - 2) {
            out.write(',');
            out.writeBytes(entry);
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] bytes, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * times);
        for (int i = 0; i < times; i++) {
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String fhirBase() {
        return "http://127.0.0.1:" + port() + "/fhir";
    }

    public int requests() {
        return requests.get();
    }

    public void forget() {
        requests.set(0);
        received.drainPermits();
    }

    /**
     * Waits until {@code count} more requests have arrived. No time bound of its own: a request that never comes
     * is ended by the test run's timeout (junit-platform.properties), which interrupts the wait.
     */
    public void awaitRequests(int count) throws InterruptedException {
        received.acquire(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        received.release();
        try {
            answer.answer(this, exchange);
        } catch (IOException e) {
            // The client hung up (as it should, for the answers it must not wait out).
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
