package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rule CodeSystem and the ValueSets cards cite: readable at /fhir without a token, read and search by url. */
class PublishedTerminologyTest extends SecuredServiceTest {

    private static final String CANONICAL = "http://chemoadvisor.org/fhir/ValueSet/chemodenervation-supporting-diagnoses";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aValueSetIsFoundByItsCanonicalUrlWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/fhir/ValueSet?url=" + URLEncoder.encode(CANONICAL, StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode bundle = JSON.readTree(response.body());
        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("entry")).hasSize(1);
        assertThat(bundle.at("/entry/0/resource/url").asText()).isEqualTo(CANONICAL);
    }

    @Test
    void theRuleCodeSystemIsReadByIdAndAnUnknownIdIsAnOperationOutcome404() throws Exception {
        HttpResponse<String> rules = get("/fhir/CodeSystem/coding-rules");
        HttpResponse<String> unknown = get("/fhir/ValueSet/no-such-set");

        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(rules.body()).contains("\"CHEMO-41\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    @Test
    void theOpenApiDescriptionIsOpenAndTheSwaggerUiIsOffOutsideTheDemo() throws Exception {
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + "/v3/api-docs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"/cds-services/{id}\"");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyReadingTheTerminologyIsOpen() throws Exception {
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + "/fhir/ValueSet"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"ValueSet\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(get("/fhir/Claim").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus").statusCode()).as("metrics need a token").isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + path))
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
