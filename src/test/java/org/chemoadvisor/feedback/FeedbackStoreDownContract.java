package org.chemoadvisor.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.chemoadvisor.ChemoAdvisorApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The feedback store goes down mid-run and comes back; subclasses choose the database and how it
 * goes down (every connection closed, new ones refused) and comes back. The pool has the
 * production settings of application.yml. Meanwhile: CDS hook calls answer 200 with their cards
 * and do not wait on the store; issued cards queue, and those beyond the queue are dropped and
 * counted; feedback and the report answer 503 store_unavailable within about the pool's
 * connection timeout; liveness and readiness stay UP. When the database is back, with no
 * restart: feedback answers 200 again and the queued cards are written by the background writer,
 * which survived the failures. The writer's tasks are held ({@link HeldWriter}) and run by the test
 * where the service's writer thread would run them, so nothing here waits for a thread or a delay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {ChemoAdvisorApplication.class, FeedbackStoreDownContract.HeldWriterConfiguration.class},
        properties = {
        // Waiting cards: 4 out of the queue in the writer's batch + 10 in the queue; beyond, dropped.
        "chemo.feedback.issued-cards.queue-capacity=10",
        "chemo.feedback.issued-cards.batch-size=4",
        // application.yml's retry delays (1 s, doubling): the held writer lets them pass.
        "chemo.feedback.issued-cards.retry-delay=1s"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
abstract class FeedbackStoreDownContract {

    private static final String SERVICE = "chemodenervation-order-sign";
    /** The clinician's free text: may hold patient data, so it must not show up in the log. */
    private static final String COMMENT = "Zebulon Quartermaine's note says four muscles";
    private static final int HOOK_CALLS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** At most this many writer tasks to empty the queue once the store is back (a batch of 4 a task, or all). */
    private static final int WRITES_TO_CATCH_UP = 20;
    /** Feedback calls that may still meet a 503 once the database is back, before one is taken. */
    private static final int CALLS_TO_RECOVER = 5;

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    HeldWriter writer;

    @TestConfiguration(proxyBeanMethods = false)
    static class HeldWriterConfiguration {
        @Bean
        @Primary
        HeldWriter heldIssuedCardsWriter() {
            return new HeldWriter();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> issuedCards = new ArrayList<>();

    /** Closes every connection to the database and refuses new ones. */
    abstract void stopDatabase() throws Exception;

    /** Lets connections through again, to the same database with the same contents. */
    abstract void startDatabase() throws Exception;

    /** The card uuids in issued_card, read past the service (whether or not the service can reach it). */
    abstract Set<String> storedCards() throws Exception;

    @Test
    void theAdviceGoesOnWhileTheStoreIsDownAndEverythingRecoversWhenItIsBack(CapturedOutput output) throws Exception {
        // Store up: the round trip works and the cards are written.
        String card = hookCall();
        assertThat(postFeedback(card).statusCode()).isEqualTo(200);
        assertThat(writer.pending()).as("the write is left to the writer").isNotEmpty();
        writer.runScheduledSoFar();
        assertThat(storedIssuedCards()).isEqualTo(issuedCards.size());
        assertThat(get("/feedback/report").statusCode()).isEqualTo(200);
        assertThat(failed()).isZero();
        int outputBefore = output.getAll().length();

        stopDatabase();

        // Hooks: 200 with cards, although the writer cannot write them (that they never wait on the
        // store is QueuedIssuedCardsTest.recordingNeverWaitsForAStoreThatHangs).
        for (int i = 0; i < HOOK_CALLS; i++) {
            hookCall();
        }
        // The writer's turn: its attempt fails, and it schedules a retry instead of trying again at once.
        writer.runScheduledSoFar();
        assertThat(failed()).isPositive();
        assertThat(writer.pending()).extracting(HeldWriter.Scheduled::delay).containsExactly(Duration.ofSeconds(1));
        assertThat(dropped(QueuedIssuedCards.QUEUE_FULL)).as("2 cards a call, room for 14").isGreaterThanOrEqualTo(10);
        assertThat(queued()).isPositive();

        // Feedback and the report: 503 in the feedback error format, soon.
        assertStoreUnavailable(() -> postFeedback(card));
        assertStoreUnavailable(() -> get("/feedback/report"));

        // Liveness and readiness stay UP (advice does not need the store); the aggregate shows it down.
        assertThat(get("/actuator/health/liveness")).satisfies(up());
        assertThat(get("/actuator/health/readiness")).satisfies(up());
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");

        // Bounded effort meanwhile: no attempt per call, no hot loop (an attempt waits up to 2 s for a connection).
        double failedWhileDown = failed();
        assertThat(failedWhileDown).isLessThan(10);

        startDatabase();

        // Back, with no restart: feedback 200 within a few calls (each waits, inside the service, at most the
        // pool's connection timeout while the pool replaces the connections the outage broke), then the
        // waiting cards written by the writer.
        assertThat(callsUntilFeedbackIsTaken(card)).isLessThanOrEqualTo(CALLS_TO_RECOVER);
        writer.runUntilIdle(WRITES_TO_CATCH_UP);
        assertThat(queued()).isZero();
        assertThat(storedIssuedCards()).as("every card issued is written or counted as dropped")
                .isEqualTo(issuedCards.size() - (long) droppedInAll());
        assertThat(storedIssuedCards() - 2).as("cards issued during the outage: at least a queue's worth written")
                .isGreaterThanOrEqualTo(10);
        assertThat(dropped(QueuedIssuedCards.STORE_UNAVAILABLE)).isZero();
        assertThat(dropped(QueuedIssuedCards.WRITE_FAILED)).isZero();

        // The writer still runs: a new card is written in the background.
        String later = hookCall();
        assertThat(stored(later)).as("written by the writer, not by the call").isFalse();
        writer.runScheduledSoFar();
        assertThat(stored(later)).isTrue();
        HttpResponse<String> report = get("/feedback/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(report.body()).path("rules").toString()).contains("CHEMO-01");

        // The outage was logged as WARNs, throttled, without the feedback's free text.
        String log = output.getAll().substring(outputBefore);
        assertThat(count(log, "attempts to write issued cards failed")).isEqualTo(1);
        assertThat(count(log, "feedback calls answered 503")).isEqualTo(1);
        assertThat(count(log, "issued cards not recorded since the last warning")).isEqualTo(1);
        assertThat(log).doesNotContain("Zebulon").doesNotContain("Quartermaine");
    }

    /** Feedback posted again and again, never more than {@link #CALLS_TO_RECOVER} times, until it is taken (200). */
    private int callsUntilFeedbackIsTaken(String card) throws IOException, InterruptedException {
        for (int calls = 1; calls <= CALLS_TO_RECOVER; calls++) {
            int status = postFeedback(card).statusCode();
            if (status == 200) {
                return calls;
            }
            assertThat(status).as("while the pool recovers").isEqualTo(503);
        }
        return CALLS_TO_RECOVER + 1;
    }

    /** A hook call that must answer 200 with its two cards; returns the first card's uuid. */
    private String hookCall() throws Exception {
        String request = Files.readString(Path.of("cds-hooks/order-sign/01-addon-without-primary.request.json"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cds-services/" + SERVICE))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(request)));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode cards = JSON.readTree(response.body()).path("cards");
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).at("/source/topic/code").asText()).isEqualTo("CHEMO-01");
        cards.forEach(c -> issuedCards.add(c.path("uuid").asText()));
        return cards.get(0).path("uuid").asText();
    }

    private HttpResponse<String> postFeedback(String card) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(JSON.createObjectNode().set("feedback", JSON.createArrayNode()
                .add(JSON.createObjectNode()
                        .put("card", card)
                        .put("outcome", "overridden")
                        .put("outcomeTimestamp", "2026-11-26T10:00:00Z")
                        .set("overrideReason", JSON.createObjectNode()
                                .put("userComment", COMMENT)
                                .set("reason", JSON.createObjectNode().put("code", "documentation-supports"))))));
        return send(HttpRequest.newBuilder(uri("/cds-services/" + SERVICE + "/feedback"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void assertStoreUnavailable(Call call) throws Exception {
        HttpResponse<String> response = call.send();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("store_unavailable");
        assertThat(body.path("message").asText()).isEqualTo("The feedback store is unavailable; try again later");
        assertThat(body.size()).as("no trace, no exception text").isEqualTo(2);
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static java.util.function.Consumer<HttpResponse<String>> up() {
        return response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"UP\"");
        };
    }

    /** How many of the cards this test was issued are in the store. */
    private long storedIssuedCards() throws Exception {
        Set<String> stored = storedCards();
        return issuedCards.stream().filter(stored::contains).count();
    }

    private boolean stored(String card) throws Exception {
        return storedCards().contains(card);
    }

    private double failed() {
        return meters.get(QueuedIssuedCards.FAILED).counter().count();
    }

    private double queued() {
        return meters.get(QueuedIssuedCards.QUEUED).gauge().value();
    }

    private double dropped(String reason) {
        return meters.get(QueuedIssuedCards.DROPPED).tag("reason", reason).counter().count();
    }

    private double droppedInAll() {
        return meters.get(QueuedIssuedCards.DROPPED).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static int count(String text, String phrase) {
        Matcher matcher = Pattern.compile(Pattern.quote(phrase)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
