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

/**
 * Over a real socket, as the load generator calls it: an ES384 CDS client token whose aud is the
 * public base URL http://localhost:PORT + path, and an RS256 token for /fhir checked against a
 * PEM public key.
 */
class RealHttpClientsTest extends SecuredServiceTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCdsServiceCallWithAnEs384TokenIsAnswered() throws Exception {
        String path = "/cds-services/chemodenervation-order-sign";
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, PUBLIC_BASE_URL + path).build());

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("cds-hooks/order-sign/07-clean-order-set.request.json"))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"cards\"");
    }

    @Test
    void aClaimValidationWithAnRs256TokenIsAnswered() throws Exception {
        String token = FhirResourceServerTest.fhirToken(FHIR_RSA, FHIR_AUDIENCE);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + "/fhir/Claim/$validate"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fhir-resources/examples/claim-64645-modifier-50.json"))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("OperationOutcome");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
