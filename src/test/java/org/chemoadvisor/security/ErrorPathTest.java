package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.security.TestKeys.FHIR_RSA;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code /error} is where the container forwards a failed request; called directly it has no error to show, and
 * Spring Boot's error controller answered 500. It is not open to direct calls: 401 without a token, 404 with one.
 * Errors of other requests still get their JSON body through it.
 */
class ErrorPathTest extends SecuredServiceTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theErrorPathWithoutATokenIsRefused() throws Exception {
        HttpResponse<String> response = get("/error", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"invalid_token\"");
    }

    @Test
    void theErrorPathWithATokenIsNotFound() throws Exception {
        HttpResponse<String> response = get("/error", FhirResourceServerTest.fhirToken(FHIR_RSA, FHIR_AUDIENCE));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"No such resource\"}");
    }

    @Test
    void anErrorOfAnotherRequestIsStillAnsweredThroughIt() throws Exception {
        // an unknown path with a valid token: Spring MVC's 404, rendered by the error controller
        HttpResponse<String> response = get("/no-such-thing", FhirResourceServerTest.fhirToken(FHIR_RSA, FHIR_AUDIENCE));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PUBLIC_BASE_URL + path))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
