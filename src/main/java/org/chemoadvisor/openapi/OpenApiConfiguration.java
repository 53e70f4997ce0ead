package org.chemoadvisor.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The OpenAPI 3 description of the non-FHIR endpoints ({@code /v3/api-docs}): CDS Hooks discovery
 * and services, feedback and the override report, their schemas from the API records, each
 * service call with the contract examples of {@code cds-hooks/} (packaged in the jar) and the
 * documented error body. {@code /fhir} describes itself (CapabilityStatement, OperationDefinition).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // FHIR resources and hook contexts travel as JSON trees: any JSON object, not Jackson's node API.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    /** Where pom.xml packages the cds-hooks/ contract examples. */
    static final String EXAMPLES = "classpath:contract/cds-hooks/";
    private static final String ERROR_SCHEMA = "ErrorBody";

    @Bean
    OpenAPI chemoAdvisorOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info()
                .title("Chemodenervation coding advisor: CDS Hooks and feedback")
                .version(properties == null ? "development" : properties.getVersion())
                .description("CDS Hooks 2.0 services (order-select, order-sign, encounter-discharge) that check "
                        + "chemodenervation coding, CDS Hooks feedback and the override report. FHIR endpoints "
                        + "(Claim/$validate) are described by /fhir/metadata. Errors are {\"error\",\"message\"}; "
                        + "with security on, CDS calls need a CDS Hooks client JWT and the report a bearer token."));
    }

    @Bean
    OpenApiCustomizer cdsHooksExamples(ObjectMapper json) {
        Map<String, Example> examples = examples(json);
        return openApi -> {
            openApi.getComponents().addSchemas(ERROR_SCHEMA, new Schema<>().type("object")
                    .addProperty("error", new Schema<>().type("string").description("a short machine-readable code"))
                    .addProperty("message", new Schema<>().type("string").description("what was wrong, for people"))
                    .addProperty("missing", new Schema<>().type("array").items(new Schema<>().type("string"))
                            .description("412 only: the prefetch keys that could not be got")));
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(this::withErrors));
            // CDS Hooks: a prefetch key whose query found nothing is sent as null.
            Schema<?> request = openApi.getComponents().getSchemas().get("CdsRequest");
            if (request != null && request.getProperties().get("prefetch") != null
                    && request.getProperties().get("prefetch").getAdditionalProperties() instanceof Schema<?> value) {
                // OpenAPI 3.1 (springdoc's default): JSON Schema's type list, not 3.0's "nullable".
                value.setTypes(new java.util.LinkedHashSet<>(java.util.List.of("object", "null")));
            }
            PathItem call = openApi.getPaths().get("/cds-services/{id}");
            if (call != null && call.getPost() != null && call.getPost().getRequestBody() != null) {
                MediaType body = call.getPost().getRequestBody().getContent().get("application/json");
                if (body != null) {
                    body.setExamples(examples);
                }
            }
        };
    }

    private void withErrors(Operation operation) {
        for (String status : new String[] {"400", "401", "412", "413", "415"}) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description(status))
                    .content(new Content().addMediaType("application/json", new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)))));
        }
    }

    private static String description(String status) {
        return switch (status) {
            case "400" -> "malformed JSON, a wrong FHIR resource or a limit passed";
            case "401" -> "no valid token (security on)";
            case "412" -> "required prefetch data missing (encounter-discharge without its Procedures)";
            case "413" -> "body too large";
            default -> "not application/json";
        };
    }

    /** Every contract request, named hook/file, e.g. {@code order-sign/01-addon-without-primary}. */
    static Map<String, Example> examples(ObjectMapper json) {
        Map<String, Example> examples = new java.util.LinkedHashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(EXAMPLES + "*/*.request.json");
            Arrays.sort(files, Comparator.comparing(OpenApiConfiguration::name));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode request = json.readTree(in);
                    examples.put(name(file), new Example().summary(name(file)).value(request));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the contract examples packaged under " + EXAMPLES, e);
        }
        return examples;
    }

    private static String name(Resource file) {
        try {
            String url = file.getURL().toString();
            String tail = url.substring(url.indexOf("cds-hooks/") + "cds-hooks/".length());
            return tail.replace(".request.json", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
