package org.chemoadvisor.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.feedback.FeedbackReport.ReasonCount;
import org.chemoadvisor.feedback.FeedbackReport.RuleSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The feedback round trip (cards issued, feedback posted, report read back) over HTTP and a real
 * database; subclasses choose the database.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class FeedbackRoundTripContract {

    static final String SERVICE = "chemodenervation-order-sign";
    static final Instant ISSUED_AT = Instant.parse("2026-11-20T10:00:00Z");
    static final String REASONS = "http://chemoadvisor.org/fhir/CodeSystem/override-reasons";

    @Autowired
    MockMvc mvc;
    @Autowired
    IssuedCards issuedCards;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void emptyStore() {
        jdbc.sql("DELETE FROM feedback_accepted_suggestion").update();
        jdbc.sql("DELETE FROM card_feedback").update();
        jdbc.sql("DELETE FROM issued_card").update();
    }

    @Test
    void acceptedAndOverriddenCardsAreCountedPerRule() throws Exception {
        issueExampleCards();
        postFeedback(example("feedback/accepted.json"));
        postFeedback(example("feedback/overridden.json"));

        FeedbackReport report = report("");

        assertThat(report.rules()).extracting(RuleSummary::ruleId)
                .containsExactly("CHEMO-06", "CHEMO-20", FeedbackReport.UNKNOWN_RULE);
        RuleSummary chemo06 = report.rules().get(0);
        assertThat(chemo06.issued()).isEqualTo(4);
        assertThat(chemo06.accepted()).as("one card, reported accepted twice").isEqualTo(1);
        assertThat(chemo06.overridden()).isEqualTo(3);
        assertThat(chemo06.topOverrideReasons()).containsExactly(
                new ReasonCount(REASONS, "documentation-supports", "Documentation supports the coding as ordered", 2),
                new ReasonCount(REASONS, "payer-policy-allows", "Payer-specific policy allows it", 1));
        RuleSummary chemo20 = report.rules().get(1);
        assertThat(chemo20).isEqualTo(new RuleSummary("CHEMO-20", 1, 0, 1, List.of()));
    }

    @Test
    void feedbackOnACardNeverIssuedIsStoredUnderUnknown() throws Exception {
        postFeedback(example("feedback/overridden.json"));

        RuleSummary unknown = report("").rules().stream()
                .filter(r -> r.ruleId().equals(FeedbackReport.UNKNOWN_RULE)).findFirst().orElseThrow();

        assertThat(unknown.issued()).isZero();
        assertThat(unknown.overridden()).as("all five overridden cards, none of them recorded").isEqualTo(5);
        assertThat(unknown.topOverrideReasons()).extracting(ReasonCount::code, ReasonCount::count)
                .containsExactly(tuple("documentation-supports", 2L),
                        tuple("not-applicable", 1L),
                        tuple("payer-policy-allows", 1L));
    }

    @Test
    void sinceLeavesOutEarlierCardsAndFeedback() throws Exception {
        issueExampleCards();
        postFeedback(example("feedback/overridden.json"));

        assertThat(report("?since=2026-11-20T00:00:00Z").rules()).hasSize(3);
        FeedbackReport later = report("?since=2026-11-20T11:01:00Z");

        assertThat(later.since()).isEqualTo(Instant.parse("2026-11-20T11:01:00Z"));
        assertThat(later.rules()).extracting(RuleSummary::ruleId, RuleSummary::issued, RuleSummary::overridden)
                .containsExactly(tuple("CHEMO-06", 0L, 1L),
                        tuple("CHEMO-20", 0L, 1L),
                        tuple(FeedbackReport.UNKNOWN_RULE, 0L, 1L));
    }

    @Test
    void onlyTheFiveMostFrequentOverrideReasonsAreReported() throws Exception {
        List<IssuedCard> cards = new ArrayList<>();
        List<Map<String, Object>> feedback = new ArrayList<>();
        // reason-k is given on k cards: reason-1 is the least frequent and falls off the top five.
        for (int k = 1; k <= 6; k++) {
            for (int n = 0; n < k; n++) {
                String card = "card-" + k + "-" + n;
                cards.add(new IssuedCard(card, "CHEMO-21", SERVICE, ISSUED_AT));
                feedback.add(Map.of("card", card, "outcome", "overridden", "outcomeTimestamp", "2026-11-20T12:00:00Z",
                        "overrideReason", Map.of("reason", Map.of("code", "reason-" + k, "display", "Reason " + k))));
            }
        }
        issuedCards.record(cards);
        postFeedback(json.writeValueAsString(Map.of("feedback", feedback)));

        RuleSummary chemo21 = report("").rules().get(0);

        assertThat(chemo21.overridden()).isEqualTo(21);
        assertThat(chemo21.topOverrideReasons()).extracting(ReasonCount::display, ReasonCount::count)
                .containsExactly(tuple("Reason 6", 6L),
                        tuple("Reason 5", 5L),
                        tuple("Reason 4", 4L),
                        tuple("Reason 3", 3L),
                        tuple("Reason 2", 2L));
    }

    @Test
    void aReasonFromAnotherSystemWithoutDisplayIsReportedByItsCode() throws Exception {
        issuedCards.record(List.of(new IssuedCard("card-foreign", "CHEMO-21", SERVICE, ISSUED_AT)));
        postFeedback(json.writeValueAsString(Map.of("feedback", List.of(Map.of("card", "card-foreign",
                "outcome", "overridden", "outcomeTimestamp", "2026-11-20T12:00:00Z",
                "overrideReason", Map.of("reason", Map.of("code", "payer-policy-allows",
                        "system", "http://ehr.example/override-reasons")))))));

        assertThat(report("").rules().get(0).topOverrideReasons())
                .containsExactly(new ReasonCount("http://ehr.example/override-reasons", "payer-policy-allows",
                        "payer-policy-allows", 1));
    }

    @Test
    void aCardRecordedTwiceIsCountedOnce() throws Exception {
        IssuedCard card = new IssuedCard("0600000a-0000-4000-8000-000000000001", "CHEMO-06", SERVICE, ISSUED_AT);
        issuedCards.record(List.of(card));
        issuedCards.record(List.of(card, new IssuedCard("2000000a-0000-4000-8000-000000000005", "CHEMO-20",
                SERVICE, ISSUED_AT)));

        assertThat(report("").rules()).extracting(RuleSummary::ruleId, RuleSummary::issued)
                .containsExactly(tuple("CHEMO-06", 1L),
                        tuple("CHEMO-20", 1L));
    }

    @Test
    void storedFeedbackKeepsTheCommentAndAcceptedSuggestions() throws Exception {
        postFeedback(example("feedback/accepted.json"));
        postFeedback(example("feedback/overridden.json"));

        List<String> suggestions = jdbc.sql("SELECT suggestion_id FROM feedback_accepted_suggestion")
                .query(String.class).list();
        List<String> comments = jdbc.sql("SELECT user_comment FROM card_feedback WHERE user_comment IS NOT NULL")
                .query(String.class).list();

        assertThat(suggestions).containsExactly("5a000001-0000-4000-8000-000000000001",
                "5a000001-0000-4000-8000-000000000001");
        assertThat(comments).containsExactly("Four muscles documented in the procedure note.");
    }

    void issueExampleCards() {
        issuedCards.record(List.of(
                new IssuedCard("0600000a-0000-4000-8000-000000000001", "CHEMO-06", SERVICE, ISSUED_AT),
                new IssuedCard("0600000b-0000-4000-8000-000000000002", "CHEMO-06", SERVICE, ISSUED_AT),
                new IssuedCard("0600000c-0000-4000-8000-000000000003", "CHEMO-06", SERVICE, ISSUED_AT),
                new IssuedCard("0600000d-0000-4000-8000-000000000004", "CHEMO-06", SERVICE, ISSUED_AT),
                new IssuedCard("2000000a-0000-4000-8000-000000000005", "CHEMO-20", SERVICE, ISSUED_AT)));
    }

    void postFeedback(String body) throws Exception {
        mvc.perform(post("/cds-services/" + SERVICE + "/feedback").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    FeedbackReport report(String query) throws Exception {
        String body = mvc.perform(get("/feedback/report" + query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readValue(body, FeedbackReport.class);
    }

    static String example(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
