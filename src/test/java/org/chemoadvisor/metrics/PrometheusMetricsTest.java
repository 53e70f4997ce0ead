package org.chemoadvisor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /actuator/prometheus carries the request timers and the service's own meters, after real calls. */
// Spring Boot tests switch the metrics exporters off unless asked: this one scrapes Prometheus.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrometheusMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void findingsCardsFeedbackValidatorPoolAndRequestTimersAreScraped() throws Exception {
        HttpResponse<String> hook = post("/cds-services/chemodenervation-order-sign", "application/json",
                Files.readString(Path.of("cds-hooks/order-sign/01-addon-without-primary.request.json")));
        String card = JSON.readTree(hook.body()).at("/cards/0/uuid").asText();
        post("/cds-services/chemodenervation-order-sign/feedback", "application/json",
                "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\","
                        + "\"outcomeTimestamp\":\"2026-12-03T10:00:00Z\"}]}");
        post("/fhir/Claim/$validate", "application/fhir+json",
                Files.readString(Path.of("fhir-resources/examples/claim-64645-modifier-50.json")));

        String scrape = get("/actuator/prometheus");

        assertThat(scrape)
                .contains("chemo_findings_total{channel=\"cds-hooks\",rule=\"CHEMO-01\",severity=\"error\"}")
                .contains("chemo_findings_total{channel=\"claim-validate\",rule=\"CHEMO-06\",severity=\"error\"}")
                .contains("chemo_cards_issued_total{rule=\"CHEMO-01\"}")
                .contains("chemo_cards_feedback_total{outcome=\"overridden\"}")
                .contains("chemo_validator_pool_capacity")
                .contains("chemo_validator_pool_idle")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/cds-services/\\{id}\"");

        // The example Grafana dashboard only charts meters the service has (the fallback reads none here).
        JsonNode dashboard = JSON.readTree(Files.readString(Path.of("docs/grafana-dashboard.json")));
        Set<String> charted = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            Matcher names = METRIC.matcher(target.path("expr").asText());
            while (names.find()) {
                charted.add(names.group());
            }
        }));
        assertThat(charted).isNotEmpty();
        for (String name : charted) {
            if (!name.equals("chemo_prefetch_fallback_total")) {
                assertThat(scrape).as(name).contains(name);
            }
        }
    }

    private static final Pattern METRIC = Pattern.compile("\\b(?:chemo|http_server|jvm)_[a-z_]+");

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
