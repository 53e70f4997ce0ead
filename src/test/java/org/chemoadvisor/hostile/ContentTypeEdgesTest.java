package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No 5xx and no default error shape for a missing or wrong Content-Type or Accept, or a wrong
 * method: curl's default form encoding included (it made /fhir answer 500 with a stack trace).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ContentTypeEdgesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGN = "/cds-services/chemodenervation-order-sign";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aClaimSentAsAFormIs415WithAnOperationOutcomeAndNoErrorLogged(CapturedOutput output) throws Exception {
        String claim = Files.readString(Path.of("fhir-resources/examples/claim-64645-modifier-50.json"));

        HttpResponse<String> response = post("/fhir/Claim/$validate", claim, "application/x-www-form-urlencoded", null);

        assertThat(response.statusCode()).isEqualTo(415);
        JsonNode outcome = JSON.readTree(response.body());
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.at("/issue/0/diagnostics").asText()).contains("application/fhir+json");
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("RequestRejectedException");
    }

    @Test
    void everyCdsAndFeedbackRefusalHasTheDocumentedShape() throws Exception {
        String request = Files.readString(Path.of("cds-hooks/order-sign/07-clean-order-set.request.json"));
        List<HttpResponse<String>> answers = List.of(
                post(SIGN, request, null, null),
                post(SIGN, request, "application/x-www-form-urlencoded", null),
                post(SIGN, request, "text/plain", null),
                post(SIGN, request, "application/json", "text/html"),
                post(SIGN + "/feedback", "{}", null, null),
                http.send(HttpRequest.newBuilder(uri(SIGN)).GET().build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(415, 415, 415, 406, 415, 405);
        for (HttpResponse<String> answer : answers) {
            JsonNode body = JSON.readTree(answer.body());
            List<String> fields = new java.util.ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(answer.body()).containsExactlyInAnyOrder("error", "message");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
        }
    }

    private HttpResponse<String> post(String path, String body, String contentType, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
