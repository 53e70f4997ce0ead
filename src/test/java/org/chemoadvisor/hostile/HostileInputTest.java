package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.chemoadvisor.hostile.ServiceClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 10,000+ generated hostile requests against the running service: none may get a 5xx, every error
 * answer is a JSON error body or an OperationOutcome without a stack trace, and a valid request is
 * still answered the same way afterwards.
 */
@HostileServerTest
class HostileInputTest {

    private static final long SEED = 20261126L;
    private static final int COUNT = Integer.getInteger("hostile.count", 10_400);
    private static final int IN_FLIGHT = 4;
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat (org|java|ca|com|jakarta)\\.|\\b[A-Z][A-Za-z]{0,60}Exception\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    record Result(HostileInput input, Answer answer) {
    }

    @Test
    void noHostileInputGetsA5xxOrAStackTraceAndTheServiceStillAnswers() throws Exception {
        ServiceClient client = new ServiceClient(port);
        ValidRequests valid = new ValidRequests(client);
        ValidRequests.Outcome before = valid.answer();

        List<Result> results = sendAll(client, new HostileInputs(SEED).generate(COUNT));
        report(results);

        assertThat(results).hasSize(COUNT);
        assertThat(results).filteredOn(r -> r.answer().status() >= 500).as("5xx answers").isEmpty();
        assertThat(results).filteredOn(r -> r.answer().status() >= 400).allSatisfy(HostileInputTest::isCleanError);
        assertThat(valid.answer()).isEqualTo(before);
    }

    private static List<Result> sendAll(ServiceClient client, List<HostileInput> inputs) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Result>> futures = new ArrayList<>(inputs.size());
        for (HostileInput input : inputs) {
            inFlight.acquireUninterruptibly();
            futures.add(client.sendAsync(input).whenComplete((a, e) -> inFlight.release())
                    .thenApply(answer -> new Result(input, answer)));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static void isCleanError(Result result) {
        String body = result.answer().body();
        String where = result.input() + " -> " + result.answer().status() + " " + abbreviate(body);
        assertThat(STACK_TRACE.matcher(body).find()).as("stack trace or exception name in " + where).isFalse();
        if (body.isEmpty()) {
            assertThat(result.input().method()).as("empty error body for " + where).isIn("HEAD");
            return;
        }
        if (body.stripLeading().startsWith("<")) {
            assertThat(result.input().path()).as(where).startsWith("/fhir/");
            assertThat(body).as(where).contains("<OperationOutcome");
            return;
        }
        JsonNode json = readJson(body, where);
        boolean cdsError = json.path("error").isTextual() && json.path("message").isTextual();
        boolean outcome = "OperationOutcome".equals(json.path("resourceType").asText());
        boolean springError = json.path("status").isInt() && json.path("error").isTextual();
        assertThat(cdsError || outcome || springError).as("error body shape of " + where).isTrue();
        if (result.input().path().startsWith("/fhir/")) {
            assertThat(outcome).as("an OperationOutcome for " + where).isTrue();
        }
    }

    private static JsonNode readJson(String body, String where) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("error body is not JSON: " + where, e);
        }
    }

    private static void report(List<Result> results) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        results.forEach(r -> {
            byStatus.merge(r.answer().status(), 1, Integer::sum);
            byKind.merge(r.input().kind(), 1, Integer::sum);
        });
        long fiveHundreds = results.stream().filter(r -> r.answer().status() >= 500).count();
        System.out.printf("Hostile inputs: total=%d 5xx=%d by status=%s by kind=%s%n", results.size(), fiveHundreds,
                byStatus, byKind);
        results.stream().filter(r -> r.answer().status() >= 500).limit(20)
                .forEach(r -> System.out.println("5xx: " + r.input() + " -> " + abbreviate(r.answer().body())));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
