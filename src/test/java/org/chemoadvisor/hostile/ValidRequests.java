package org.chemoadvisor.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.hostile.ServiceClient.Answer;

/** A valid CDS Hooks call and a valid $validate, reduced to what must not change: status and rule IDs. */
final class ValidRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(int hookStatus, List<String> cardRules, int validateStatus, List<String> issueRules) {
    }

    private final ServiceClient client;
    private final Examples.HookRequest hookRequest;
    private final String claim;

    ValidRequests(ServiceClient client) {
        this.client = client;
        this.hookRequest = Examples.hookRequests().stream()
                .filter(e -> e.name().equals("order-sign/01-addon-without-primary")).findFirst().orElseThrow();
        this.claim = Examples.text(Examples.claims().stream()
                .filter(c -> c.path("id").asText().equals("64645-without-primary")).findFirst().orElseThrow());
    }

    Outcome answer() {
        Answer hook = client.post("/cds-services/" + hookRequest.service(), "application/json",
                Examples.text(hookRequest.request()));
        Answer validate = client.post(HostileInputs.VALIDATE, "application/fhir+json", claim);
        List<String> cardRules = new ArrayList<>();
        read(hook.body()).path("cards").forEach(c -> cardRules.add(c.path("source").path("topic").path("code").asText()));
        List<String> issueRules = new ArrayList<>();
        read(validate.body()).path("issue").forEach(i -> i.path("details").path("coding")
                .forEach(c -> issueRules.add(c.path("code").asText())));
        if (hook.status() != 200 || validate.status() != 200 || !cardRules.contains("CHEMO-01")
                || !issueRules.contains("CHEMO-01")) {
            throw new AssertionError("The valid requests were not answered as expected: " + hook + " / " + validate);
        }
        return new Outcome(hook.status(), cardRules, validate.status(), issueRules);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
