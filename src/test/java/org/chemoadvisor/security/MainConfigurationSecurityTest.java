package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.security.TestKeys.EC_P384;
import static org.chemoadvisor.security.TestKeys.EHR;
import static org.chemoadvisor.security.TestKeys.FHIR_RSA;
import static org.chemoadvisor.security.TestKeys.claims;
import static org.chemoadvisor.security.TestKeys.sign;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main application.yml alone (the tests' config/ override that turns security off is not
 * loaded): security is on, and with nothing registered every protected call is refused, /fhir
 * included, while /fhir/metadata and health stay open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.location=classpath:/application.yml",
        "spring.datasource.url=jdbc:h2:mem:main-config;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"})
class MainConfigurationSecurityTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void discoveryWithoutATokenIsRefused() throws Exception {
        HttpResponse<String> response = send(get("/cds-services"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"message\":\"missing bearer token\"");
    }

    @Test
    void withNoClientRegisteredEveryCdsTokenIsRefused() throws Exception {
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, "http://localhost:" + port + "/cds-services").build());

        HttpResponse<String> response = send(get("/cds-services").header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"message\":\"unknown issuer\"");
    }

    @Test
    void withNoResourceServerKeyFhirRefusesEveryToken() throws Exception {
        String token = sign(FHIR_RSA, JWSAlgorithm.RS256, claims("https://idp.test", "chemo-advisor").build());

        HttpResponse<String> response = send(request("/fhir/Claim/$validate")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fhir-resources/examples/claim-64645-modifier-50.json"))));

        assertThat(response.statusCode()).isEqualTo(401);
        // not the fallback decoder's own message
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\"");
        assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").doesNotContain("resource-server key");
    }

    @Test
    void theErrorPathIsNotAServerError() throws Exception {
        HttpResponse<String> response = send(get("/error"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theFeedbackReportNeedsAToken() throws Exception {
        assertThat(send(get("/feedback/report")).statusCode()).isEqualTo(401);
    }

    @Test
    void theCapabilityStatementAndHealthStayOpen() throws Exception {
        assertThat(send(get("/fhir/metadata")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
