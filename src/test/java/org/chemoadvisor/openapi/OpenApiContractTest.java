package org.chemoadvisor.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * /v3/api-docs describes the CDS Hooks, feedback and report endpoints, and every contract request
 * under cds-hooks/ validates against its CdsRequest schema (so the schema and the examples cannot
 * drift apart); a request without its hook does not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    private JsonNode api;

    @BeforeEach
    void readTheDescription() throws Exception {
        api = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    }

    @Test
    void everyNonFhirEndpointIsDescribedWithItsSchemasAndErrors() {
        assertThat(api.path("openapi").asText()).startsWith("3.1");
        assertThat(api.at("/info/title").asText()).contains("Chemodenervation coding advisor");
        List<String> paths = names(api.path("paths"));
        assertThat(paths).contains("/cds-services", "/cds-services/{id}", "/cds-services/{id}/feedback",
                "/feedback/report");
        assertThat(paths).noneMatch(path -> path.startsWith("/fhir") || path.startsWith("/actuator"));
        assertThat(names(api.at("/components/schemas")))
                .contains("CdsRequest", "CdsResponse", "Card", "Suggestion", "FeedbackRequest", "FeedbackReport",
                        "ErrorBody");
        JsonNode call = api.at("/paths/~1cds-services~1{id}/post");
        assertThat(names(call.path("responses"))).contains("200", "400", "401", "412", "415");
        assertThat(names(call.at("/requestBody/content/application~1json/examples")))
                .contains("order-sign/01-addon-without-primary", "encounter-discharge/15-procedures-missing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleRequests")
    void everyContractRequestValidatesAgainstTheSchema(Path example) throws IOException {
        Set<ValidationMessage> problems = requestSchema().validate(JSON.readTree(Files.readString(example)));

        assertThat(problems).as(example.toString()).isEmpty();
    }

    @Test
    void aRequestWithoutItsHookOrWithAnUnknownHookDoesNotValidate() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(
                Files.readString(Path.of("cds-hooks/order-sign/01-addon-without-primary.request.json")));
        JsonSchema schema = requestSchema();

        assertThat(schema.validate(request.deepCopy().put("hook", "patient-view"))).isNotEmpty();
        request.remove("hook");
        assertThat(schema.validate(request)).isNotEmpty();
    }

    static Stream<Path> exampleRequests() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("cds-hooks"))) {
            return files.filter(f -> f.toString().endsWith(".request.json")).sorted().toList().stream();
        }
    }

    /** CdsRequest with its references resolved inside the OpenAPI document (OpenAPI 3.1: JSON Schema 2020-12). */
    private JsonSchema requestSchema() {
        ObjectNode schema = api.at("/components/schemas/CdsRequest").deepCopy();
        schema.set("components", api.path("components").deepCopy());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
