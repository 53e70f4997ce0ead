package org.chemoadvisor.cdshooks.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP server that counts the requests it accepts and answers each in one fixed way. */
public final class CountingServer implements AutoCloseable {

    private static final String EMPTY_BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final String redirectTo;

    private CountingServer(String redirectTo) {
        this.redirectTo = redirectTo;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers every request with an empty searchset Bundle. */
    public static CountingServer answering() {
        return new CountingServer(null);
    }

    /** Answers every request with 302 to {@code location}. */
    static CountingServer redirectingTo(String location) {
        return new CountingServer(location);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    String fhirBase() {
        return "http://127.0.0.1:" + port() + "/fhir";
    }

    public int requests() {
        return requests.get();
    }

    public void forget() {
        requests.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body = (redirectTo == null ? EMPTY_BUNDLE : "").getBytes(StandardCharsets.UTF_8);
        if (redirectTo != null) {
            exchange.getResponseHeaders().add("Location", redirectTo);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
