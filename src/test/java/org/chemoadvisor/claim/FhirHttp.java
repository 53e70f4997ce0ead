package org.chemoadvisor.claim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.chemoadvisor.rules.RuleIds;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/** Talks to the running server over real HTTP (the FHIR servlet is not reachable through MockMvc). */
public final class FhirHttp {

    public static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_XML = "application/fhir+xml";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public FhirHttp(int port) {
        this.base = "http://localhost:" + port + "/fhir";
    }

    public HttpResponse<String> validate(String query, String body, String contentType) {
        return post("/Claim/$validate" + query, HttpRequest.BodyPublishers.ofString(body), contentType);
    }

    /** A body sent without Content-Length (chunked). */
    HttpResponse<String> validateChunked(byte[] body) {
        return post("/Claim/$validate",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), FHIR_JSON);
    }

    HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
    }

    private HttpResponse<String> post(String path, BodyPublisher body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("Accept", contentType.contains("xml") ? FHIR_XML : FHIR_JSON)
                .POST(body).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static OperationOutcome outcome(HttpResponse<String> response) {
        String body = response.body();
        return body.trim().startsWith("<")
                ? TestClaims.FHIR.newXmlParser().parseResource(OperationOutcome.class, body)
                : TestClaims.FHIR.newJsonParser().parseResource(OperationOutcome.class, body);
    }

    static Set<String> ruleIds(OperationOutcome outcome) {
        Set<String> ids = new TreeSet<>();
        outcome.getIssue().forEach(issue -> ids.addAll(ruleIds(issue)));
        return ids;
    }

    static Set<String> ruleIds(OperationOutcomeIssueComponent issue) {
        Set<String> ids = new TreeSet<>();
        issue.getDetails().getCoding().stream()
                .filter(c -> RuleIds.SYSTEM.equals(c.getSystem()))
                .forEach(c -> ids.add(c.getCode()));
        return ids;
    }

    static List<OperationOutcomeIssueComponent> ruleIssues(OperationOutcome outcome, String ruleId) {
        return outcome.getIssue().stream()
                .filter(i -> i.getDetails().getCoding().stream()
                        .anyMatch(c -> RuleIds.SYSTEM.equals(c.getSystem()) && ruleId.equals(c.getCode())))
                .toList();
    }
}
