package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.chemoadvisor.web.BodyReadClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The body-read timeout on every endpoint, in its own error format: the service's body clock is one
 * that moves a second each time it is read, so every body "takes" longer than the 1.5 s allowed
 * without the test waiting (a real trickle is the soak test's, scripts/soak-test.sh).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.enabled=false", "chemo.http.body-read-timeout=1500ms"})
class BodyReadTimeoutTest {

    @LocalServerPort
    int port;

    @TestConfiguration
    static class SlowClock {

        @Bean
        BodyReadClock secondPerRead() {
            AtomicLong now = new AtomicLong();
            return () -> now.addAndGet(Duration.ofSeconds(1).toNanos());
        }
    }

    @ParameterizedTest
    @CsvSource({
        HostileInputs.VALIDATE + ", application/fhir+json, fhir-resources/examples/claim-64645-modifier-50.json",
        "/cds-services/chemodenervation-order-sign, application/json, cds-hooks/order-sign/07-clean-order-set.request.json",
        "/cds-services/chemodenervation-order-sign/feedback, application/json, cds-hooks/order-sign/07-clean-order-set.request.json"})
    void aBodyTakingLongerThanTheTimeoutIs408NamingTheSetting(String path, String type, String file) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(Files.readString(Path.of(file)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(408);
        assertThat(answer.body()).contains("chemo.http.body-read-timeout");
    }
}
