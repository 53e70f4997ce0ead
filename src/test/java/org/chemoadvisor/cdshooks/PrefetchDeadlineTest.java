package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.CdsCalls.Answer;
import org.chemoadvisor.cdshooks.CdsCalls.CardOutline;
import org.chemoadvisor.cdshooks.data.CountingServer;
import org.chemoadvisor.cdshooks.data.DeadlineTimer;
import org.chemoadvisor.cdshooks.data.FallbackFetcher;
import org.chemoadvisor.cdshooks.data.PrefetchProperties;
import org.chemoadvisor.feedback.IssuedCards;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A hook call's fallback reads end by one deadline (8 s here) however the FHIR server behaves, and an
 * answer over the byte cap (64 KB here) counts as unavailable; either way the call gets the answers it
 * gets for unavailable data. The deadline is kept on a clock the test moves, and passes when the test
 * lets it ({@link DeadlineTimer}): no call waits for it. Connect and socket timeouts are 10 s, so an
 * answer that comes sooner was cut short by the deadline.
 */
@SpringBootTest(properties = {
        "cds.prefetch.deadline=8s",
        "cds.prefetch.connect-timeout=10s",
        "cds.prefetch.socket-timeout=10s",
        "cds.prefetch.max-response-size=64KB"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class PrefetchDeadlineTest {

    private static final String DISCHARGE = "chemodenervation-encounter-discharge";
    private static final String ORDER_SIGN = "chemodenervation-order-sign";
    private static final Duration TRICKLE = Duration.ofMillis(200);
    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final AtomicLong NOW = new AtomicLong();
    private static final DeadlineTimer TIMER = new DeadlineTimer();
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

    /** The service's fallback fetcher, on the test's clock and timer. */
    @TestConfiguration
    static class Deadlines {
        @Bean
        @Primary
        FallbackFetcher deadlinesLetPassByTheTest(FhirContext fhirContext, PrefetchProperties properties,
                AdviceMetrics metrics) {
            return TIMER.fetcher(fhirContext, properties, metrics, NOW::get);
        }
    }

    static final CountingServer TRICKLING = CountingServer.trickling(TRICKLE);
    static final CountingServer SILENT = CountingServer.neverAnswering();
    static final CountingServer FLOODING = CountingServer.flooding();
    static final CountingServer FAST = CountingServer.answering();

    @DynamicPropertySource
    static void allowlist(DynamicPropertyRegistry registry) {
        List<CountingServer> servers = List.of(TRICKLING, SILENT, FLOODING, FAST);
        for (int i = 0; i < servers.size(); i++) {
            String base = servers.get(i).fhirBase();
            registry.add("cds.prefetch.allowed-fhir-servers[" + i + "]", () -> base);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedCards issuedCards;

    @AfterAll
    static void stopServers() {
        Stream.of(TRICKLING, SILENT, FLOODING, FAST).forEach(CountingServer::close);
        CALLERS.shutdownNow();
    }

    private static boolean warmedUp;

    @BeforeEach
    void warmUpAndForget() throws Exception {
        if (!warmedUp) {
            // The context's first fallback read loads HAPI's client classes; keep that out of the timed calls.
            CdsCalls.post(mvc, DISCHARGE, dischargeFrom(FAST));
            warmedUp = true;
        }
        Stream.of(TRICKLING, SILENT, FLOODING, FAST).forEach(CountingServer::forget);
        TIMER.forget();
    }

    /**
     * Posts the calls on other threads; once {@code server} has {@code atServer} of their reads and
     * {@code reads} reads have started, moves the clock past the deadline and lets it pass.
     */
    private List<Answer> postUntilTheDeadlinePasses(String service, ObjectNode request, int calls, CountingServer server,
            int atServer, int reads) throws Exception {
        List<Future<Answer>> posted = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            posted.add(CALLERS.submit(() -> CdsCalls.post(mvc, service, request)));
        }
        server.awaitRequests(atServer);
        TIMER.awaitReads(reads);
        NOW.addAndGet(DEADLINE.toNanos());
        TIMER.pass();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> each : posted) {
            answers.add(each.get());
        }
        return answers;
    }

    @Test
    void proceduresFromAServerTricklingBytesGive412WithinTheDeadline(CapturedOutput output) throws Exception {
        Answer answer = postUntilTheDeadlinePasses(DISCHARGE, dischargeFrom(TRICKLING), 1, TRICKLING, 1, 1).get(0);

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.body().path("missing").get(0).asText()).isEqualTo("procedures");
        // One byte every 200 ms never trips the 10 s socket timeout: only the deadline ends the read.
        assertThat(output).contains("Prefetch fallback for procedures (Procedure) abandoned after")
                .contains("this hook call's 8000 ms deadline (cds.prefetch.deadline) passed")
                .doesNotContain("pat-1").doesNotContain("enc-1");
    }

    @Test
    void supportingDataFromAServerTricklingBytesGivesTheInfoCardAndTheSecondReadIsNotTried(CapturedOutput output)
            throws Exception {
        ObjectNode request = withServer(Examples.named("order-sign/07-clean-order-set").request(), TRICKLING);
        ((ObjectNode) request.path("prefetch")).remove(List.of("conditions", "coverage"));
        Answer answer = postUntilTheDeadlinePasses(ORDER_SIGN, request, 1, TRICKLING, 1, 1).get(0);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(CdsCalls.outlines(answer.body())).containsExactly(new CardOutline(null, "info", List.of()));
        assertThat(answer.body().path("cards").get(0).path("summary").asText())
                .contains("Checked without conditions and coverage");
        assertThat(answer.body().path("cards").get(0).path("detail").asText())
                .as("the clinician is told whom to ask; the setting is for the operator's log")
                .contains("administrator").doesNotContain("cds.prefetch");
        assertThat(output).contains("withoutData=[conditions, coverage]");
        // The Conditions read used up the call's deadline, so Coverage was not asked for at all.
        assertThat(TRICKLING.requests()).isEqualTo(1);
        assertThat(output).contains("Prefetch fallback for conditions (Condition) abandoned after")
                .contains("Prefetch fallback for coverage (Coverage) not tried");
    }

    @Test
    void proceduresOverTheByteCapGive412(CapturedOutput output) throws Exception {
        Answer answer = CdsCalls.post(mvc, DISCHARGE, dischargeFrom(FLOODING));

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.body().path("missing").get(0).asText()).isEqualTo("procedures");
        assertThat(output).contains("Prefetch fallback for procedures (Procedure) abandoned after")
                .contains("the response was larger than 65536 bytes (cds.prefetch.max-response-size)");
    }

    @Test
    void parallelCallsToAServerThatNeverAnswersAllAnswerByTheDeadlineInsteadOfQueueing(CapturedOutput output)
            throws Exception {
        int calls = 20; // the pool holds 10 connections per server
        int logBefore = output.getAll().length();

        // Ten reads are at the server, the other ten wait for one of its connections, when the deadline passes.
        List<Answer> answers = postUntilTheDeadlinePasses(DISCHARGE, dischargeFrom(SILENT), calls, SILENT, 10, calls);

        assertThat(answers).extracting(Answer::status).containsOnly(412).hasSize(calls);
        // Each ended at its deadline, reading or waiting for a pooled connection; not at the 10 s timeouts.
        assertThat(occurrences(output.getAll().substring(logBefore), "(cds.prefetch.deadline)")).isEqualTo(calls);
    }

    @Test
    void aPromptServerIsStillRead() throws Exception {
        ObjectNode request = withServer(Examples.named("order-sign/07-clean-order-set").request(), FAST);
        ((ObjectNode) request.path("prefetch")).remove("coverage");

        Answer answer = CdsCalls.post(mvc, ORDER_SIGN, request);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("cards")).isEmpty();
        assertThat(FAST.requests()).isEqualTo(1);
    }

    private static ObjectNode dischargeFrom(CountingServer server) {
        return withServer(Examples.named("encounter-discharge/15-procedures-missing").request(), server);
    }

    private static ObjectNode withServer(JsonNode example, CountingServer server) {
        ObjectNode request = (ObjectNode) example.deepCopy();
        request.put("fhirServer", server.fhirBase());
        request.putObject("fhirAuthorization").put("access_token", "opaque-access-token-42").put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", "user/Procedure.read").put("subject", "cds-service");
        return request;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
