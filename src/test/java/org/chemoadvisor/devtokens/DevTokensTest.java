package org.chemoadvisor.devtokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.chemoadvisor.ChemoAdvisorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The secure-mode path an integrator follows: keys and settings from init, the service on them, tokens that pass. */
class DevTokensTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void initWritesKeysAndSettingsThatTheServiceAcceptsAndItsTokensPass(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = DevTokens.run(new String[] {"init", "--dir", dir.toString()}, new PrintStream(printed, true,
                StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        Path settings = dir.resolve("secure-local.yml");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cds:").contains("--spring.config.import=file:");
        assertThat(Files.readString(dir.resolve("ehr-jwks.json"))).doesNotContain("\"d\"");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ChemoAdvisorApplication.class)
                .run("--spring.config.import=file:" + settings, "--cds.security.enabled=true", "--server.port=0")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            DevKeys keys = new DevKeys(dir);
            String sign = base + "/cds-services/chemodenervation-order-sign";
            String order = Files.readString(Path.of("cds-hooks/order-sign/07-clean-order-set.request.json"));
            String claim = Files.readString(Path.of("fhir-resources/examples/claim-64645-modifier-50.json"));

            assertThat(get(base + "/cds-services", null).statusCode()).isEqualTo(401);
            assertThat(get(base + "/cds-services", DevTokens.cdsToken(keys, base + "/cds-services", Instant.now()))
                    .statusCode()).isEqualTo(200);
            assertThat(post(sign, "application/json", order, DevTokens.cdsToken(keys, sign, Instant.now()))
                    .statusCode()).isEqualTo(200);
            assertThat(post(sign, "application/json", order, DevTokens.cdsToken(keys, base + "/other", Instant.now()))
                    .statusCode()).as("a token for another URL").isEqualTo(401);

            HttpResponse<String> unauthorized = post(base + "/fhir/Claim/$validate", "application/fhir+json", claim, null);
            assertThat(unauthorized.statusCode()).isEqualTo(401);
            assertThat(unauthorized.body()).contains("OperationOutcome");
            HttpResponse<String> validated = post(base + "/fhir/Claim/$validate", "application/fhir+json", claim,
                    DevTokens.fhirToken(keys, Instant.now()));
            assertThat(validated.statusCode()).isEqualTo(200);
            assertThat(validated.body()).contains("CHEMO-06");
        }
    }

    @Test
    void aMissingUrlOrKeysIsAClearErrorNotAStackTrace(@TempDir Path dir) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

        assertThat(DevTokens.run(new String[] {"cds", "--dir", dir.toString()}, System.out, err)).isEqualTo(2);
        assertThat(DevTokens.run(new String[] {"fhir", "--dir", dir.toString()}, System.out, err)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--url is required").contains("dev-tokens init")
                .doesNotContain("Exception");
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String type, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
