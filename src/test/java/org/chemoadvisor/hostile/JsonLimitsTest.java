package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chemoadvisor.hostile.ServiceClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nesting and string length are bounded on every JSON endpoint; over the limit is a 400 that says so. */
@HostileServerTest
class JsonLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_SIGN = "/cds-services/chemodenervation-order-sign";
    private static final String FEEDBACK = ORDER_SIGN + "/feedback";
    private static final String VALIDATE = "/fhir/Claim/$validate";

    @LocalServerPort
    int port;

    private ServiceClient client;
    private String orderSign;
    private String claim;

    @BeforeEach
    void setUp() {
        client = new ServiceClient(port);
        orderSign = Examples.text(Examples.hookRequests().stream()
                .filter(e -> e.name().equals("order-sign/01-addon-without-primary")).findFirst().orElseThrow().request());
        claim = Examples.text(Examples.claims().get(0));
    }

    @Test
    void cdsRequestNestedTenThousandLevelsIs400() throws Exception {
        Answer answer = client.post(ORDER_SIGN, "application/json", RawJson.withMember(orderSign, "extra",
                RawJson.nestedArrays(10_000)));

        assertCdsLimitError(answer, "nested deeper than 200 levels");
    }

    @Test
    void cdsRequestJustOverTheNestingLimitIs400AndJustUnderIsAnswered() throws Exception {
        Answer over = client.post(ORDER_SIGN, "application/json", RawJson.withMember(orderSign, "extra",
                RawJson.nestedObjects(200)));
        Answer under = client.post(ORDER_SIGN, "application/json", RawJson.withMember(orderSign, "extra",
                RawJson.nestedObjects(150)));

        assertCdsLimitError(over, "nested deeper than 200 levels");
        assertThat(under.status()).as(under.body()).isEqualTo(200);
    }

    @Test
    void cdsRequestWithAStringOverAMillionCharactersIs400() throws Exception {
        Answer answer = client.post(ORDER_SIGN, "application/json", RawJson.withMember(orderSign, "extra",
                RawJson.longString(1_000_001)));

        assertCdsLimitError(answer, "longer than 1000000 characters");
    }

    @Test
    void feedbackNestedTooDeepIs400() throws Exception {
        Answer answer = client.post(FEEDBACK, "application/json",
                RawJson.withMember("{\"feedback\":[]}", "extra", RawJson.nestedArrays(10_000)));

        assertCdsLimitError(answer, "nested deeper than 200 levels");
    }

    @Test
    void claimNestedTenThousandLevelsIs400WithAnOperationOutcome() throws Exception {
        Answer answer = client.post(VALIDATE, "application/fhir+json", RawJson.withMember(claim, "extra",
                RawJson.nestedArrays(10_000)));

        // HAPI's own parse of the body (its Jackson limit of 1000 levels) may be the first to refuse it.
        assertOutcomeLimitError(answer, "nested deeper than");
    }

    @Test
    void claimJustOverTheNestingLimitIs400NamingTheLimit() throws Exception {
        Answer answer = client.post(VALIDATE, "application/fhir+json", RawJson.withMember(claim, "extra",
                RawJson.nestedObjects(200)));

        assertOutcomeLimitError(answer, "nested deeper than 200 levels");
    }

    @Test
    void claimWithAStringOverAMillionCharactersIs400() throws Exception {
        Answer answer = client.post(VALIDATE, "application/fhir+json", RawJson.withMember(claim, "language",
                RawJson.longString(1_500_000)));

        assertOutcomeLimitError(answer, "longer than 1000000 characters");
    }

    @Test
    void aMemberNamedTwiceIsRefusedOnEveryJsonEndpoint() throws Exception {
        String twice = "{\"id\":\"a\",\"id\":\"b\"}";
        Answer hook = client.post(ORDER_SIGN, "application/json", RawJson.withMember(orderSign, "extra", twice));
        Answer validate = client.post(VALIDATE, "application/fhir+json", RawJson.withMember(claim, "text", twice));

        assertThat(hook.status()).isEqualTo(400);
        assertThat(JSON.readTree(hook.body()).path("message").asText()).contains("member named twice");
        assertThat(validate.status()).isEqualTo(400);
        assertThat(JSON.readTree(validate.body()).path("issue").get(0).path("diagnostics").asText())
                .contains("member named twice");
    }

    private static void assertCdsLimitError(Answer answer, String limit) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("error").asText()).isEqualTo("json_limit_exceeded");
        assertThat(body.path("message").asText()).contains(limit).contains("chemo.json")
                .doesNotContain("StreamReadConstraints").doesNotContain("jackson");
    }

    private static void assertOutcomeLimitError(Answer answer, String limit) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("resourceType").asText()).isEqualTo("OperationOutcome");
        // HAPI's own parser or the service's check may be the one to refuse it (see FhirConfiguration).
        assertThat(body.path("issue").get(0).path("diagnostics").asText()).contains(limit)
                .doesNotContain("StreamReadConstraints").doesNotContain("jackson");
    }
}
