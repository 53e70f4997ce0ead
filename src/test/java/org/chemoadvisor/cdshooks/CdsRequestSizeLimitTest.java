package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bodies over cds.max-request-size are refused with 413, whether their length is announced or chunked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.max-request-size=10KB")
class CdsRequestSizeLimitTest {

    private static final String BIG = "{\"hook\":\"order-sign\",\"hookInstance\":\"h\",\"context\":{\"x\":\""
            + "A".repeat(64 * 1024) + "\"}}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"chemodenervation-order-sign", "chemodenervation-order-sign/feedback"})
    void aBodyWithItsLengthAnnouncedIsRefusedBeforeReading(String path) throws Exception {
        HttpResponse<String> response = post(path, BodyPublishers.ofString(BIG));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("request_too_large").contains("cds.max-request-size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chemodenervation-order-sign", "chemodenervation-order-sign/feedback"})
    void aChunkedBodyIsCutOffAtTheLimit(String path) throws Exception {
        BodyPublisher chunked = BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(BIG.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = post(path, chunked);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("request_too_large");
    }

    private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cds-services/" + path))
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
