package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.CdsCalls.Answer;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Bad calls get a 4xx with a JSON body that names the problem; never a 500 or a stack trace. */
@SpringBootTest
@AutoConfigureMockMvc
class CdsHooksErrorsTest {

    private static final String ORDER_SIGN = "chemodenervation-order-sign";
    private static final String ORDER_SELECT = "chemodenervation-order-select";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedCards issuedCards;

    static Stream<Arguments> brokenOrderSignCalls() {
        return Stream.of(
                broken("missing hook", "missing_hook", "hook", r -> r.remove("hook")),
                broken("missing hookInstance", "missing_hookInstance", "hookInstance", r -> r.remove("hookInstance")),
                broken("missing context", "missing_context", "context", r -> r.remove("context")),
                broken("context not an object", "missing_context", "context", r -> r.put("context", "pat-1")),
                broken("wrong hook for the service", "hook_mismatch", "order-select",
                        r -> r.put("hook", "order-select")),
                broken("fhirAuthorization without fhirServer", "missing_fhirServer", "fhirServer",
                        r -> r.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer")),
                broken("missing draftOrders", "missing_context_field", "context.draftOrders",
                        r -> ((ObjectNode) r.path("context")).remove("draftOrders")),
                broken("missing patientId", "missing_context_field", "context.patientId",
                        r -> ((ObjectNode) r.path("context")).remove("patientId")),
                broken("patientId that is no FHIR id", "invalid_context_field", "context.patientId",
                        r -> ((ObjectNode) r.path("context")).put("patientId", "1&_include=*")),
                broken("draftOrders not a Bundle", "invalid_fhir_resource", "Bundle",
                        r -> ((ObjectNode) r.path("context")).putObject("draftOrders").put("resourceType", "Patient")),
                broken("draftOrders not FHIR", "invalid_fhir_resource", "context.draftOrders",
                        r -> ((ObjectNode) r.path("context")).putObject("draftOrders").put("resourceType", "Nonsense")),
                broken("prefetch slot not FHIR", "invalid_fhir_resource", "prefetch.coverage",
                        r -> ((ObjectNode) r.path("prefetch")).put("coverage", "none")));
    }

    private static Arguments broken(String name, String error, String named, Consumer<ObjectNode> breakIt) {
        ObjectNode request = (ObjectNode) Examples.named("order-sign/01-addon-without-primary").request().deepCopy();
        breakIt.accept(request);
        return Arguments.of(name, error, named, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOrderSignCalls")
    void aBrokenCallIsA400NamingTheProblem(String name, String error, String named, ObjectNode request)
            throws Exception {
        Answer answer = CdsCalls.post(mvc, ORDER_SIGN, request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo(error);
        assertThat(answer.body().path("message").asText()).contains(named);
        assertThat(answer.body().toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        Answer answer = CdsCalls.post(mvc, ORDER_SIGN, "{\"hook\": \"order-sign\", \"context\": {");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("malformed_request");
        assertThat(answer.body().path("message").asText()).contains("JSON");
    }

    @Test
    void anUnknownServiceIsA404() throws Exception {
        Answer answer = CdsCalls.post(mvc, "no-such-service",
                Examples.named("order-sign/01-addon-without-primary").request());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("error").asText()).isEqualTo("unknown_service");
        assertThat(answer.body().path("message").asText()).contains("no-such-service");
    }

    @Test
    void orderSelectWithoutSelectionsIsA400() throws Exception {
        ObjectNode request = (ObjectNode) Examples.named("order-select/11-selected-addon").request().deepCopy();
        ((ObjectNode) request.path("context")).remove("selections");

        Answer answer = CdsCalls.post(mvc, ORDER_SELECT, request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("message").asText()).contains("context.selections");
    }
}
