package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.chemoadvisor.hostile.ServiceClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Answers and logs say what was wrong in the service's own words: no product banner, no library
 * class names, and what the caller sent is quoted back (if at all) cut to a readable length.
 */
@HostileServerTest
@ExtendWith(OutputCaptureExtension.class)
class WhatAnswersGiveAwayTest {

    private static final String ORDER_SIGN = "/cds-services/chemodenervation-order-sign";
    private static final String LONG = "h".repeat(5_000);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/fhir/metadata", "/fhir/Claim/$validate", "/fhir/Patient/1"})
    void fhirAnswersDoNotNameTheServerSoftware(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void aLongHookIsNotEchoedWhole() {
        Answer answer = new ServiceClient(port).post(ORDER_SIGN, "application/json",
                "{\"hook\":\"" + LONG + "\",\"hookInstance\":\"x\",\"context\":{}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("hook_mismatch").doesNotContain("h".repeat(100));
        assertThat(answer.body().length()).isLessThan(500);
    }

    @Test
    void longQueryOptionsAreNotEchoedWhole() {
        Answer answer = new ServiceClient(port).post("/fhir/Claim/$validate?structural=" + LONG,
                "application/fhir+json", Examples.text(Examples.claims().get(0)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("structural").doesNotContain("h".repeat(100));
    }

    @Test
    void theCallersContentTypeIsNotLogged(CapturedOutput output) throws Exception {
        // Past what an answer may quote back (64 characters), so it shows in neither answer nor log.
        String contentType = "text/plain; padding=" + "x".repeat(80) + "; marker=" + "Quartermaine".repeat(100);
        for (String path : new String[] {ORDER_SIGN, ORDER_SIGN + "/feedback", "/fhir/Claim/$validate"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isIn(400, 415);
            assertThat(response.body()).as(path).doesNotContain("Quartermaine");
        }
        assertThat(output.getAll()).doesNotContain("Quartermaine");
    }
}
