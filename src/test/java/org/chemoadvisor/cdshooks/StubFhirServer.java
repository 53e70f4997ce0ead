package org.chemoadvisor.cdshooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A FHIR server on loopback for tests: answers searches by resource type from files under
 * {@code src/test/resources/cdshooks/} and remembers every request it got.
 */
final class StubFhirServer implements AutoCloseable {

    record Seen(String method, String uri, String authorization) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> filesByType;

    private StubFhirServer(Map<String, String> filesByType) throws IOException {
        this.filesByType = Map.copyOf(filesByType);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fhir/", this::handle);
        server.start();
    }

    /** @param filesByType resource type searched ("Procedure") to the Bundle file to answer with */
    static StubFhirServer serving(Map<String, String> filesByType) {
        try {
            return new StubFhirServer(filesByType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    void forget() {
        seen.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().toString();
        seen.add(new Seen(exchange.getRequestMethod(), uri, exchange.getRequestHeaders().getFirst("Authorization")));
        String type = exchange.getRequestURI().getPath().substring("/fhir/".length()).split("/")[0];
        String file = filesByType.get(type);
        byte[] body;
        int status;
        if (file == null) {
            status = 404;
            body = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}"
                    .getBytes();
        } else {
            status = 200;
            try (InputStream in = getClass().getResourceAsStream("/cdshooks/" + file)) {
                body = in.readAllBytes();
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
