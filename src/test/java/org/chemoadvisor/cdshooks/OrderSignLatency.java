package org.chemoadvisor.cdshooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Not a test: measures order-sign latency over HTTP against a running service, one request at a
 * time. Usage (from the project folder, service on :8080):
 * <pre>
 * java -cp target/test-classes org.chemoadvisor.cdshooks.OrderSignLatency \
 *     http://localhost:8080 cds-hooks/order-sign/06-recode-64642-with-64645.request.json 200 2000
 * </pre>
 * Arguments: base URL, request file, warm-up calls, measured calls.
 */
public final class OrderSignLatency {

    private OrderSignLatency() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path file = Path.of(args.length > 1 ? args[1] : "cds-hooks/order-sign/06-recode-64642-with-64645.request.json");
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        String body = Files.readString(file);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/cds-services/chemodenervation-order-sign"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int i = 0; i < warmUp; i++) {
            send(client, request);
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            send(client, request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("order-sign %s: n=%d median=%.2f ms p99=%.2f ms max=%.2f ms%n", file.getFileName(), measured,
                ms(nanos[measured / 2]), ms(nanos[(int) Math.ceil(measured * 0.99) - 1]), ms(nanos[measured - 1]));
    }

    private static void send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
