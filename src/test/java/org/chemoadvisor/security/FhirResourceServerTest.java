package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.security.TestKeys.EC_P384;
import static org.chemoadvisor.security.TestKeys.EHR;
import static org.chemoadvisor.security.TestKeys.FHIR_RSA;
import static org.chemoadvisor.security.TestKeys.RSA;
import static org.chemoadvisor.security.TestKeys.claims;
import static org.chemoadvisor.security.TestKeys.sign;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /fhir, /feedback/report and the actuator take an OAuth2 bearer token checked by Spring Boot's
 * resource server (here: public-key-location + audiences); /fhir/metadata and health stay open.
 * HAPI's servlet is not reachable through MockMvc, so /fhir is called over the real port.
 */
class FhirResourceServerTest extends SecuredServiceTest {

    private static final String VALIDATE = "/fhir/Claim/$validate";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void validateWithoutATokenIsRefused() throws Exception {
        HttpResponse<String> response = validate(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void validateWithAValidTokenIsAnswered() throws Exception {
        HttpResponse<String> response = validate(fhirToken(FHIR_RSA, FHIR_AUDIENCE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("CHEMO-06");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertThat(validate(fhirToken(FHIR_RSA, "some-other-api")).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        assertThat(validate(fhirToken(RSA, FHIR_AUDIENCE)).statusCode()).isEqualTo(401);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + VALIDATE))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fhir-resources/examples/claim-64645-modifier-50.json")));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
