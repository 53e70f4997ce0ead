package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /fhir/metadata names this service, and Claim/$validate links to its full OperationDefinition. */
@ClaimServerTest
class CapabilityStatementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void softwareIsThisServiceAndNotTheLibrary() throws Exception {
        JsonNode metadata = get("/fhir/metadata");

        assertThat(metadata.at("/software/name").asText()).isEqualTo("Chemodenervation coding advisor");
        assertThat(metadata.at("/software/version").asText()).isNotBlank().isNotEqualTo("8.8.0");
        assertThat(metadata.at("/implementation/description").asText()).doesNotContain("HAPI");
    }

    @Test
    void validateLinksToADefinitionWithEveryParameter() throws Exception {
        JsonNode metadata = get("/fhir/metadata");
        String definition = null;
        for (JsonNode resource : metadata.at("/rest/0/resource")) {
            if (resource.path("type").asText().equals("Claim")) {
                definition = resource.at("/operation/0/definition").asText();
            }
        }
        assertThat(definition).endsWith("/fhir/OperationDefinition/Claim-validate");

        JsonNode operation = get(URI.create(definition).getPath());
        List<String> parameters = new ArrayList<>();
        operation.path("parameter").forEach(p -> parameters.add(p.path("use").asText() + ":" + p.path("name").asText()));
        assertThat(operation.path("code").asText()).isEqualTo("validate");
        assertThat(parameters).containsExactly("in:resource", "in:structural", "in:profile", "out:return");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
