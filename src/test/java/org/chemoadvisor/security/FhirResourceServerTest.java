package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.security.TestKeys.EC_P384;
import static org.chemoadvisor.security.TestKeys.EHR;
import static org.chemoadvisor.security.TestKeys.FHIR_RSA;
import static org.chemoadvisor.security.TestKeys.RSA;
import static org.chemoadvisor.security.TestKeys.claims;
import static org.chemoadvisor.security.TestKeys.sign;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /fhir, /feedback/report and the actuator take an OAuth2 bearer token checked by Spring Boot's
 * resource server (here: public-key-location + audiences) and must carry exp; /fhir/metadata and health stay open.
 * Refusals say what was wrong in this service's words: an OperationOutcome on /fhir, JSON elsewhere.
 * HAPI's servlet is not reachable through MockMvc, so /fhir is called over the real port.
 */
class FhirResourceServerTest extends SecuredServiceTest {

    private static final String VALIDATE = "/fhir/Claim/$validate";

    private final HttpClient http = HttpClient.newHttpClient();

    private static final String INVALID_TOKEN =
            "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\"";

    @Test
    void validateWithoutATokenIsRefused() throws Exception {
        HttpResponse<String> response = validate(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertOperationOutcome(response, "login", "This request needs a bearer access token");
    }

    @Test
    void aTokenWithoutExpIsRefused() throws Exception {
        String token = sign(FHIR_RSA, JWSAlgorithm.RS256, claims("https://idp.test", FHIR_AUDIENCE).expirationTime(null)
                .build());

        assertInvalidToken(validate(token));
    }

    @Test
    void aTokenWithoutAudIsRefused() throws Exception {
        String token = sign(FHIR_RSA, JWSAlgorithm.RS256, claims("https://idp.test", null).build());

        assertInvalidToken(validate(token));
    }

    @Test
    void aTokenWithAnEmptyCritListIsRefused() throws Exception {
        String token = TestKeys.signWithHeader(FHIR_RSA, "{\"alg\":\"RS256\",\"kid\":\"fhir-rs256\",\"crit\":[]}",
                claims("https://idp.test", FHIR_AUDIENCE).build());

        assertInvalidToken(validate(token));
    }

    @Test
    void aRefusalSaysInItsOwnWordsWhatWasWrongAndQuotesNoClaim() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = sign(FHIR_RSA, JWSAlgorithm.RS256, claims("https://idp.test", FHIR_AUDIENCE)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build());

        HttpResponse<String> response = validate(expired);

        assertInvalidToken(response);
        String answer = response.headers().firstValue("WWW-Authenticate").orElseThrow() + response.body();
        // Spring/Nimbus would say "Jwt expired at 2026-...", "An error occurred while attempting to decode the Jwt"
        assertThat(answer).doesNotContainIgnoringCase("jwt").doesNotContain(String.valueOf(past.getEpochSecond() + 60))
                .doesNotContain(past.plusSeconds(60).toString().substring(0, 16));
    }

    @Test
    void twoAuthorizationHeadersOnFhirAreRefusedEvenWhenBothAreValid() throws Exception {
        String token = fhirToken(FHIR_RSA, FHIR_AUDIENCE);
        HttpResponse<String> response = http.send(validateRequest()
                .header("Authorization", "Bearer " + token).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer error=\"invalid_request\", error_description=\"The request carries more than one Authorization header\"");
        assertOperationOutcome(response, "security", "The request carries more than one Authorization header");
    }

    @Test
    void twoAuthorizationHeadersAreRefusedOnTheOpenEndpointsToo() throws Exception {
        String token = "Bearer " + fhirToken(FHIR_RSA, FHIR_AUDIENCE);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + "/fhir/metadata"))
                .header("Authorization", token).header("Authorization", "Bearer x").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        mvc.perform(get("/actuator/health").header("Authorization", token, token)).andExpect(status().isBadRequest());
    }

    @Test
    void twoAuthorizationHeadersOnTheReportAndTheActuatorAreRefused() throws Exception {
        String token = "Bearer " + fhirToken(FHIR_RSA, FHIR_AUDIENCE);
        for (String path : new String[] {"/feedback/report", "/actuator/metrics"}) {
            mvc.perform(get(path).header("Authorization", token, token))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_request\"")))
                    .andExpect(jsonPath("$.error").value("invalid_request"))
                    .andExpect(jsonPath("$.message").value("The request carries more than one Authorization header"));
        }
    }

    @Test
    void aDpopTokenIsAnsweredAsNoBearerToken() throws Exception {
        // Spring Security 6.5's DPoP filter would answer with its own messages
        HttpResponse<String> response = http.send(validateRequest()
                .header("Authorization", "DPoP " + fhirToken(FHIR_RSA, FHIR_AUDIENCE)).header("DPoP", "not-a-proof")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertOperationOutcome(response, "login", "This request needs a bearer access token");
    }

    @Test
    void theReportAnswersABadTokenInItsOwnJson() throws Exception {
        mvc.perform(get("/feedback/report").header("Authorization", "Bearer " + fhirToken(FHIR_RSA, "some-other-api")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", INVALID_TOKEN))
                .andExpect(jsonPath("$.error").value("invalid_token"))
                .andExpect(jsonPath("$.message").value("The access token is invalid or expired"));
        mvc.perform(get("/actuator/metrics"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.message").value("This request needs a bearer access token"));
    }

    @Test
    void validateWithAValidTokenIsAnswered() throws Exception {
        HttpResponse<String> response = validate(fhirToken(FHIR_RSA, FHIR_AUDIENCE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("CHEMO-06");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertInvalidToken(validate(fhirToken(FHIR_RSA, "some-other-api")));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        assertInvalidToken(validate(fhirToken(RSA, FHIR_AUDIENCE)));
    }

    @Test
    void aCdsClientTokenDoesNotOpenFhir() throws Exception {
        String cdsToken = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(VALIDATE)).build());

        assertThat(validate(cdsToken).statusCode()).isEqualTo(401);
    }

    @Test
    void theCapabilityStatementIsOpen() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + "/fhir/metadata"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("CapabilityStatement");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void healthAndItsProbesAreOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void otherActuatorEndpointsNeedAToken() throws Exception {
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(withToken(get("/actuator/metrics"))).andExpect(status().isOk());
    }

    @Test
    void theFeedbackReportNeedsAToken() throws Exception {
        mvc.perform(get("/feedback/report")).andExpect(status().isUnauthorized());
        mvc.perform(withToken(get("/feedback/report"))).andExpect(status().isOk());
    }

    static String fhirToken(JWK key, String audience) {
        return sign(key, JWSAlgorithm.RS256, claims("https://idp.test", audience).build());
    }

    private MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + fhirToken(FHIR_RSA, FHIR_AUDIENCE));
    }

    private HttpResponse<String> validate(String token) throws Exception {
        HttpRequest.Builder request = validateRequest();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder validateRequest() throws Exception {
        return HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + VALIDATE))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fhir-resources/examples/claim-64645-modifier-50.json")));
    }

    private static void assertInvalidToken(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(INVALID_TOKEN);
        assertOperationOutcome(response, "login", "The access token is invalid or expired");
    }

    private static void assertOperationOutcome(HttpResponse<String> response, String code, String diagnostics)
            throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        JsonNode outcome = new ObjectMapper().readTree(response.body());
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        JsonNode issue = outcome.path("issue").path(0);
        assertThat(issue.path("severity").asText()).isEqualTo("error");
        assertThat(issue.path("code").asText()).isEqualTo(code);
        assertThat(issue.path("diagnostics").asText()).isEqualTo(diagnostics);
    }
}
