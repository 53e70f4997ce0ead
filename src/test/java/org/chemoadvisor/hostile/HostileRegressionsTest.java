package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chemoadvisor.hostile.ServiceClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inputs the hostile-input test once answered with a 500, each reduced to its smallest form. */
@HostileServerTest
class HostileRegressionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALIDATE = "/fhir/Claim/$validate";
    private static final String ORDER_SIGN = "/cds-services/chemodenervation-order-sign";

    @LocalServerPort
    int port;

    private ServiceClient client;

    @BeforeEach
    void setUp() {
        client = new ServiceClient(port);
    }

    @Test
    void aClaimLineCodingWithoutSystemIsNotAProcedureCode() {
        ObjectNode claim = claim();
        ((ObjectNode) claim.path("item").get(0).path("productOrService").path("coding").get(0)).remove("system");

        Answer answer = client.post(VALIDATE + "?structural=false", "application/fhir+json", Examples.text(claim));

        assertThat(answer.status()).as(answer.body()).isLessThan(500);
    }

    @Test
    void anOrderCodingWithoutSystemIsNotAProcedureCode() {
        ObjectNode request = orderSign();
        ((ObjectNode) firstOrder(request).path("code").path("coding").get(0)).remove("system");

        Answer answer = client.post(ORDER_SIGN, "application/json", Examples.text(request));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void aMedicationOrderCodingWithoutSystemIsNotAToxinCode() {
        ObjectNode request = (ObjectNode) Examples.hookRequests().stream()
                .filter(e -> e.name().equals("order-sign/22-office-limb-with-toxin-medication-by-j-code")).findFirst()
                .orElseThrow().request().deepCopy();
        JsonNode medicationOrder = request.path("context").path("draftOrders").path("entry").get(1).path("resource");
        ((ObjectNode) medicationOrder.path("medicationCodeableConcept").path("coding").get(0)).remove("system");

        Answer answer = client.post(ORDER_SIGN, "application/json", Examples.text(request));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void anOrderWithoutStatusIsStillReviewed() {
        ObjectNode request = orderSign();
        firstOrder(request).remove("status");

        Answer answer = client.post(ORDER_SIGN, "application/json", Examples.text(request));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("CHEMO-01");
    }

    @Test
    void aBlankResourceTypeIs400() {
        ObjectNode claim = claim().put("resourceType", "");

        Answer answer = client.post(VALIDATE, "application/fhir+json", Examples.text(claim));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("OperationOutcome").doesNotContain("Exception");
    }

    @Test
    void aContainedResourceWithoutTypeIs400OnBothEndpoints() {
        ObjectNode claim = claim();
        claim.putArray("contained").addObject().putNull("resourceType");
        ObjectNode request = orderSign();
        firstOrder(request).putArray("contained").addObject().putNull("resourceType");

        Answer validate = client.post(VALIDATE, "application/fhir+json", Examples.text(claim));
        Answer hook = client.post(ORDER_SIGN, "application/json", Examples.text(request));

        assertThat(validate.status()).as(validate.body()).isEqualTo(400);
        assertThat(hook.status()).as(hook.body()).isEqualTo(400);
        assertThat(hook.body()).contains("invalid_fhir_resource");
    }

    @Test
    void aValueOfTheWrongTypeIs400WithoutJavaExceptionNames() {
        ObjectNode claim = claim();
        ((ObjectNode) claim.path("item").get(0)).putArray("diagnosisSequence").add("false");

        Answer answer = client.post(VALIDATE, "application/fhir+json", Examples.text(claim));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("diagnosisSequence").doesNotContain("Exception");
    }

    @Test
    void aHugeInvalidValueIsNotEchoedInFull() {
        ObjectNode claim = claim();
        ((ObjectNode) claim.path("item").get(0)).putArray("diagnosisSequence").add("9".repeat(900_000) + "x");

        Answer answer = client.post(VALIDATE, "application/fhir+json", Examples.text(claim));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().length()).isLessThan(5_000);
    }

    @Test
    void anOrderWithTwoThousandModifiersIsA400NamingTheElementNotAHugeAnswer() throws Exception {
        ObjectNode request = (ObjectNode) Examples.hookRequests().stream()
                .filter(e -> e.name().equals("order-sign/03-bilateral-modifier-on-addon")).findFirst()
                .orElseThrow().request().deepCopy();
        ArrayNode details = ((ObjectNode) request.path("context").path("draftOrders").path("entry").get(1)
                .path("resource")).putArray("orderDetail");
        for (int i = 0; i < 2_000; i++) {
            details.addObject().putArray("coding").addObject()
                    .put("system", "http://www.ama-assn.org/go/cpt-modifier").put("code", "50");
        }

        Answer answer = client.post(ORDER_SIGN, "application/json", Examples.text(request));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("message").asText())
                .contains("ServiceRequest.orderDetail has 2000 entries; at most 50 are accepted (cds.limits.max-repetitions)");
        assertThat(answer.body().length()).isLessThan(1_000);
    }

    @Test
    void feedbackWithAWildcardContentTypeIs415() throws Exception {
        Answer answer = client.post(ORDER_SIGN + "/feedback", "*/*", "{\"feedback\":[]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(415);
        assertThat(JSON.readTree(answer.body()).path("error").asText()).isEqualTo("unsupported_media_type");
    }

    private static ObjectNode claim() {
        return (ObjectNode) Examples.claims().stream()
                .filter(c -> c.path("id").asText().equals("64645-without-primary")).findFirst().orElseThrow().deepCopy();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"order-sign/03-bilateral-modifier-on-addon",
            "order-sign/06-recode-64642-with-64645"})
    void ordersWithoutIdsGetTheirCardsButNoSuggestionThatCannotNameThem(String example) {
        ObjectNode request = (ObjectNode) Examples.hookRequests().stream().filter(e -> e.name().equals(example))
                .findFirst().orElseThrow().request().deepCopy();
        for (JsonNode entry : request.path("context").path("draftOrders").path("entry")) {
            ((ObjectNode) entry).remove("fullUrl");
            ((ObjectNode) entry.path("resource")).remove("id");
        }

        Answer answer = client.post(ORDER_SIGN, "application/json", Examples.text(request));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"indicator\"").doesNotContain("\"type\":\"update\"")
                .doesNotContain("\"type\":\"delete\"");
    }

    private static ObjectNode orderSign() {
        return (ObjectNode) Examples.hookRequests().stream()
                .filter(e -> e.name().equals("order-sign/01-addon-without-primary")).findFirst().orElseThrow()
                .request().deepCopy();
    }

    private static ObjectNode firstOrder(JsonNode request) {
        return (ObjectNode) request.path("context").path("draftOrders").path("entry").get(0).path("resource");
    }
}
