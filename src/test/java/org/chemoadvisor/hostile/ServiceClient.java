package org.chemoadvisor.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends raw requests to the running service over real HTTP (JDK HttpClient). */
public final class ServiceClient {

    /** What came back: status, Content-Type (may be null) and the body as text. */
    public record Answer(int status, String contentType, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public ServiceClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public Answer send(HostileInput input) {
        try {
            return sendAsync(input).join();
        } catch (RuntimeException e) {
            throw new IllegalStateException("No answer to " + input, e);
        }
    }

    public CompletableFuture<Answer> sendAsync(HostileInput input) {
        return client.sendAsync(request(input), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                        new String(r.body(), StandardCharsets.UTF_8)));
    }

    public Answer post(String path, String contentType, String body) {
        return send(new HostileInput("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), "post"));
    }

    private HttpRequest request(HostileInput input) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + input.path()))
                .timeout(Duration.ofSeconds(60));
        if (input.contentType() != null) {
            builder.header("Content-Type", input.contentType());
        }
        HttpRequest.BodyPublisher body = input.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(input.body());
        return builder.method(input.method(), body).build();
    }

}
