package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.CdsCalls.Answer;
import org.chemoadvisor.cdshooks.CdsCalls.CardOutline;
import org.chemoadvisor.cdshooks.data.CountingServer;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A hook call's fallback reads end by one deadline (500 ms here) however the FHIR server behaves,
 * and an answer over the byte cap (64 KB here) counts as unavailable; either way the call gets the
 * answers it gets for unavailable data. Connect and socket timeouts are 10 s, so an answer that
 * comes far sooner was cut short by the deadline.
 */
@SpringBootTest(properties = {
        "cds.prefetch.deadline=500ms",
        "cds.prefetch.connect-timeout=10s",
        "cds.prefetch.socket-timeout=10s",
        "cds.prefetch.max-response-size=64KB"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class PrefetchDeadlineTest {

    private static final String DISCHARGE = "chemodenervation-encounter-discharge";
    private static final String ORDER_SIGN = "chemodenervation-order-sign";
    private static final Duration TRICKLE = Duration.ofMillis(200);

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
    }

    @Test
    void proceduresFromAServerTricklingBytesGive412WithinTheDeadline(CapturedOutput output) throws Exception {
        Answer answer = CdsCalls.post(mvc, DISCHARGE, dischargeFrom(TRICKLING));

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.body().path("missing").get(0).asText()).isEqualTo("procedures");
        // One byte every 200 ms never trips the 10 s socket timeout: only the deadline ends the read.
        assertThat(output).contains("Prefetch fallback for procedures (Procedure) abandoned after")
                .contains("this hook call's 500 ms deadline (cds.prefetch.deadline) passed")
                .doesNotContain("pat-1").doesNotContain("enc-1");
    }

    @Test
    void supportingDataFromAServerTricklingBytesGivesTheInfoCardAndTheSecondReadIsNotTried(CapturedOutput output)
            throws Exception {
        ObjectNode request = withServer(Examples.named("order-sign/07-clean-order-set").request(), TRICKLING);
        ((ObjectNode) request.path("prefetch")).remove(List.of("conditions", "coverage"));
        Answer answer = CdsCalls.post(mvc, ORDER_SIGN, request);

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
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                statuses.add(callers.submit(() -> {
                    go.await();
                    return CdsCalls.post(mvc, DISCHARGE, dischargeFrom(SILENT)).status();
                }));
            }
            go.countDown();
            for (Future<Integer> each : statuses) {
                assertThat(each.get()).isEqualTo(412);
            }
            // Each ended at its deadline, reading or waiting for a pooled connection; not at the 10 s timeouts.
            assertThat(occurrences(output.getAll().substring(logBefore), "(cds.prefetch.deadline)")).isEqualTo(calls);
        } finally {
            callers.shutdownNow();
        }
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
