package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.chemoadvisor.cdshooks.CdsCalls.Answer;
import org.chemoadvisor.cdshooks.CdsCalls.CardOutline;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Data that was not prefetched is read from the EHR's FHIR server, and only from an allowlisted one. */
@SpringBootTest
@AutoConfigureMockMvc
class PrefetchFallbackTest {

    private static final String DISCHARGE = "chemodenervation-encounter-discharge";
    private static final String ORDER_SIGN = "chemodenervation-order-sign";
    private static final String TOKEN = "opaque-access-token-42";

    static final StubFhirServer ALLOWED = StubFhirServer.serving(Map.of(
            "Procedure", "procedures-64642-64645.searchset.json",
            "Condition", "empty.searchset.json",
            "Coverage", "empty.searchset.json"));
    static final StubFhirServer NOT_ALLOWED = StubFhirServer.serving(Map.of(
            "Procedure", "procedures-64642-64645.searchset.json",
            "Condition", "empty.searchset.json",
            "Coverage", "empty.searchset.json"));

    @DynamicPropertySource
    static void allowlist(DynamicPropertyRegistry registry) {
        registry.add("cds.prefetch.allowed-fhir-servers", () -> ALLOWED.baseUrl() + "/");
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedCards issuedCards;

    @AfterAll
    static void stopServers() {
        ALLOWED.close();
        NOT_ALLOWED.close();
    }

    @BeforeEach
    void forget() {
        ALLOWED.forget();
        NOT_ALLOWED.forget();
    }

    @Test
    void proceduresNotPrefetchedAreReadFromTheAllowlistedServerWithTheBearerToken() throws Exception {
        ObjectNode request = withServer(Examples.named("encounter-discharge/15-procedures-missing").request(),
                ALLOWED.baseUrl());

        Answer answer = CdsCalls.post(mvc, DISCHARGE, request);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(ALLOWED.seen()).anySatisfy(seen -> {
            assertThat(seen.uri()).startsWith("/fhir/Procedure?").contains("patient=pat-1").contains("encounter=enc-1");
            assertThat(seen.authorization()).isEqualTo("Bearer " + TOKEN);
        });
        assertThat(ALLOWED.seen()).allSatisfy(seen -> assertThat(seen.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void anOperationOutcomeInAPrefetchSlotMeansFetchItInstead() throws Exception {
        ObjectNode request = withServer(Examples.named("encounter-discharge/15-procedures-missing").request(),
                ALLOWED.baseUrl());
        ((ObjectNode) request.path("prefetch")).set("procedures", resource("prefetch-failed.operation-outcome.json"));

        Answer answer = CdsCalls.post(mvc, DISCHARGE, request);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(ALLOWED.seen()).extracting(StubFhirServer.Seen::uri).anyMatch(uri -> uri.startsWith("/fhir/Procedure?"));
    }

    @Test
    void aServerOffTheAllowlistIsNeverCalledAndMissingProceduresGive412() throws Exception {
        ObjectNode request = withServer(Examples.named("encounter-discharge/15-procedures-missing").request(),
                NOT_ALLOWED.baseUrl());

        Answer answer = CdsCalls.post(mvc, DISCHARGE, request);

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.body().path("missing").get(0).asText()).isEqualTo("procedures");
        assertThat(answer.body().path("message").asText()).contains("Procedures");
        assertThat(NOT_ALLOWED.seen()).isEmpty();
    }

    @Test
    void ordersWithCoverageUnavailableGetAnInfoCardAndTheServerOffTheAllowlistIsNeverCalled() throws Exception {
        ObjectNode request = withServer(Examples.named("order-sign/07-clean-order-set").request(),
                NOT_ALLOWED.baseUrl());
        ((ObjectNode) request.path("prefetch")).remove("coverage");

        Answer answer = CdsCalls.post(mvc, ORDER_SIGN, request);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(CdsCalls.outlines(answer.body())).containsExactly(new CardOutline(null, "info", java.util.List.of()));
        JsonNode card = answer.body().path("cards").get(0);
        assertThat(card.path("summary").asText()).contains("coverage");
        assertThat(card.path("detail").asText()).contains("default policy profile (medicare)");
        assertThat(NOT_ALLOWED.seen()).isEmpty();
    }

    @Test
    void coverageFetchedFromTheAllowlistedServerNeedsNoInfoCard() throws Exception {
        ObjectNode request = withServer(Examples.named("order-sign/07-clean-order-set").request(), ALLOWED.baseUrl());
        ((ObjectNode) request.path("prefetch")).remove("coverage");

        Answer answer = CdsCalls.post(mvc, ORDER_SIGN, request);

        assertThat(answer.body().path("cards")).isEmpty();
        assertThat(ALLOWED.seen()).extracting(StubFhirServer.Seen::uri)
                .containsExactly("/fhir/Coverage?patient=pat-1&status=active");
    }

    private static ObjectNode withServer(JsonNode example, String fhirServer) {
        ObjectNode request = (ObjectNode) example.deepCopy();
        request.put("fhirServer", fhirServer);
        request.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", "user/Procedure.read").put("subject", "cds-service");
        return request;
    }

    private static JsonNode resource(String name) throws Exception {
        return new ObjectMapper().readTree(PrefetchFallbackTest.class.getResourceAsStream("/cdshooks/" + name));
    }
}
