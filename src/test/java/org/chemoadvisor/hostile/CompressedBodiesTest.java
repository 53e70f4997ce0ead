package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One Content-Encoding policy on every endpoint: gzip bodies are inflated with the size limit
 * applied to the inflated bytes, so a small compressed body cannot expand in memory; other
 * encodings get 415 and corrupt gzip 400.
 */
@HostileServerTest
class CompressedBodiesTest {

    private static final String[] BODY_PATHS = {HostileInputs.VALIDATE, "/cds-services/chemodenervation-order-sign",
        "/cds-services/chemodenervation-order-sign/feedback"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {HostileInputs.VALIDATE, "/cds-services/chemodenervation-order-sign",
        "/cds-services/chemodenervation-order-sign/feedback"})
    void aGzipBombIsRefusedOnceItsInflatedBytesPassTheLimit(String path) throws Exception {
        byte[] bomb = gzipOfSpaces(100 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200 * 1024);

        HttpResponse<String> response = post(path, "gzip", bomb);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("max-request-size");
    }

    @Test
    void aGzipClaimIsValidatedAsThePlainClaimIs() throws Exception {
        String claim = Examples.text(Examples.claims().stream()
                .filter(c -> c.path("id").asText().equals("64645-without-primary")).findFirst().orElseThrow());

        HttpResponse<String> plain = post(HostileInputs.VALIDATE, null, claim.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> compressed = post(HostileInputs.VALIDATE, "gzip", gzip(claim.getBytes(StandardCharsets.UTF_8)));

        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(ruleIds(compressed.body())).contains("CHEMO-01").isEqualTo(ruleIds(plain.body()));
    }

    @Test
    void aGzipHookCallGetsTheCardsOfThePlainCall() throws Exception {
        Examples.HookRequest example = Examples.hookRequests().stream()
                .filter(e -> e.name().equals("order-sign/01-addon-without-primary")).findFirst().orElseThrow();
        byte[] body = Examples.text(example.request()).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post("/cds-services/" + example.service(), "x-gzip", gzip(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("cards").findValuesAsText("code")).contains("CHEMO-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deflate", "br", "gzip, gzip", "compress"})
    void anEncodingOtherThanGzipIsUnsupportedEverywhere(String encoding) throws Exception {
        for (String path : BODY_PATHS) {
            HttpResponse<String> response = post(path, encoding, "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).as(path).isEqualTo(415);
            assertThat(response.body()).as(path).contains("Content-Encoding must be identity or gzip");
        }
    }

    @Test
    void corruptGzipIsTheCallersError() throws Exception {
        byte[] valid = gzip("{\"resourceType\":\"Claim\"}".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(valid, valid.length - 12);
        byte[] notGzip = "{\"resourceType\":\"Claim\"}".getBytes(StandardCharsets.UTF_8);
        for (String path : BODY_PATHS) {
            for (byte[] body : new byte[][] {truncated, notGzip}) {
                HttpResponse<String> response = post(path, "gzip", body);

                assertThat(response.statusCode()).as(path).isEqualTo(400);
                assertThat(response.body()).as(path).contains("not valid gzip data");
            }
        }
    }

    private HttpResponse<String> post(String path, String encoding, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", path.startsWith("/fhir") ? "application/fhir+json" : "application/json")
                .POST(BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> ruleIds(String outcome) throws IOException {
        JsonNode issues = JSON.readTree(outcome).path("issue");
        return issues.findValuesAsText("code").stream().filter(code -> code.startsWith("CHEMO-")).sorted().toList();
    }

    static byte[] gzipOfSpaces(int inflatedBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] spaces = new byte[1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write("{\"resourceType\":\"Claim\",\"id\":\"x\"".getBytes(StandardCharsets.UTF_8));
            for (int written = 0; written < inflatedBytes; written += spaces.length) {
                gzip.write(spaces);
            }
            gzip.write('}');
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }
}
