package org.chemoadvisor.cdshooks.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.adapt.ServiceRequestLines;
import org.chemoadvisor.cdshooks.api.Action;
import org.chemoadvisor.cdshooks.api.Card;
import org.chemoadvisor.cdshooks.api.Coding;
import org.chemoadvisor.cdshooks.api.Link;
import org.chemoadvisor.cdshooks.api.ResourceId;
import org.chemoadvisor.cdshooks.api.ResourceJson;
import org.chemoadvisor.cdshooks.api.Source;
import org.chemoadvisor.cdshooks.api.Suggestion;
import org.chemoadvisor.cdshooks.data.FhirJson;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Severity;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

/**
 * The size bound of a card is never below what Jackson writes, whatever its text, and counts every field
 * of the CDS Hooks records; an answer the bounds show to fit is the one measuring every card gives.
 */
class CardSizeBoundTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Characters Jackson writes longest: a control character (a 6-byte escape), a quote, non-ASCII, an emoji. */
    private static final String WORST = "\u0001\"\\\u00e9\u20ac\uD83D\uDE00 plain";
    private static final Citation MPFS = new Citation("CMS Medicare physician fee schedule indicators", "2024-07",
            "https://www.cms.gov/medicare/payment/fee-schedules/physician");

    private static AdaptedLines orders;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = CardSizeBoundTest.class.getResourceAsStream("/cdshooks/draft-orders-mixed.json")) {
            orders = ServiceRequestLines.from(FHIR.newJsonParser().parseResource(Bundle.class, in));
        }
    }

    static Stream<Card> cards() {
        Coding coding = new Coding(WORST, WORST, WORST);
        Action update = new Action(Action.UPDATE, WORST, new ResourceJson("{\"resourceType\":\"ServiceRequest\",\"note\":[{\"text\":\"\u00e9\u20ac\uD83D\uDE00\"}]}"), null);
        Action delete = new Action(Action.DELETE, WORST, null, new ResourceId("ServiceRequest/" + WORST, true));
        Action deleteAsString = new Action(Action.DELETE, null, null, new ResourceId("ServiceRequest/a", false));
        Suggestion suggestion = new Suggestion(WORST, WORST, true, List.of(update, delete, deleteAsString));
        Suggestion bare = new Suggestion(null, null, false, List.of());
        return Stream.of(
                new Card(WORST, WORST, WORST, WORST, new Source(WORST, WORST, coding), List.of(suggestion, bare), WORST,
                        List.of(coding, coding), List.of(new Link(WORST, WORST, WORST, WORST), Link.absolute("a", "b"))),
                new Card(null, null, null, null, null, null, null, null, null),
                new Card("u", "s", null, "info", new Source("l", null, null), List.of(), null, List.of(), List.of()),
                renderer(DataSize.ofMegabytes(1)).render(finding("CHEMO-06"), orders));
    }

    @ParameterizedTest
    @MethodSource("cards")
    void theBoundIsNeverBelowTheWrittenSize(Card card) throws Exception {
        assertThat(CardSizeBound.of(card)).isGreaterThanOrEqualTo(JSON.writeValueAsBytes(card).length);
    }

    @Test
    void everyFieldOfTheCardRecordsIsCounted() {
        // A field added to one of these records must be added to CardSizeBound too.
        assertThat(names(Card.class)).containsExactly("uuid", "summary", "detail", "indicator", "source", "suggestions",
                "selectionBehavior", "overrideReasons", "links");
        assertThat(names(Suggestion.class)).containsExactly("label", "uuid", "isRecommended", "actions");
        assertThat(names(Action.class)).containsExactly("type", "description", "resource", "resourceId");
        assertThat(names(Source.class)).containsExactly("label", "url", "topic");
        assertThat(names(Link.class)).containsExactly("label", "url", "type", "appContext");
        assertThat(names(Coding.class)).containsExactly("system", "code", "display");
        assertThat(names(ResourceId.class)).containsExactly("reference", "asArray");
        assertThat(names(ResourceJson.class)).containsExactly("json");
    }

    @Test
    void whenTheBoundsFitTheAnswerIsTheMeasuredOne() {
        AnswerCards answers = new AnswerCards(renderer(DataSize.ofMegabytes(1)), JSON);
        List<List<Finding>> groups = FindingGroups.group(List.of(finding("CHEMO-06"), finding("CHEMO-01"),
                new Finding("CHEMO-30", Severity.WARNING, "Summary", "Detail", List.of(MPFS), List.of(), null, Set.of())));

        AnswerCards.Answer bounded = answers.withinBounds(groups, orders, List.of());
        AnswerCards.Answer measured = answers.measured(groups, orders, List.of());

        assertThat(bounded).isNotNull();
        assertThat(withoutUuids(bounded)).isEqualTo(withoutUuids(measured));
    }

    @Test
    void nearTheLimitTheCardsAreMeasured() throws Exception {
        // Plain text is written at a sixth of its bound: a card of ~4 KB bounded above the 16 KB limit.
        Finding wordy = new Finding("CHEMO-06", Severity.ERROR, "Modifier 50 does not apply to 64645",
                "x".repeat(3_000), List.of(MPFS), List.of(), null, Set.of());
        AnswerCards answers = new AnswerCards(renderer(CardProperties.MIN_RESPONSE_SIZE), JSON);
        List<List<Finding>> groups = FindingGroups.group(List.of(wordy));

        AnswerCards.Answer answer = answers.cards(List.of(wordy), orders, List.of());

        assertThat(answers.withinBounds(groups, orders, List.of())).isNull();
        assertThat(answer.findings()).hasSize(1);
        assertThat(JSON.writeValueAsBytes(answer.cards().get(0)).length)
                .isLessThan((int) CardProperties.MIN_RESPONSE_SIZE.toBytes());
    }

    private static List<String> withoutUuids(AnswerCards.Answer answer) {
        return answer.cards().stream().map(card -> {
            try {
                return JSON.writeValueAsString(card).replaceAll("\"uuid\":\"[^\"]*\"", "\"uuid\":\"-\"");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static Finding finding(String ruleId) {
        return new Finding(ruleId, Severity.ERROR, "Modifier 50 does not apply to 64645",
                "**What:** 64645 carries modifier 50.", List.of(MPFS), List.of("ServiceRequest.orderDetail[0]"),
                Fix.of("Remove 50", new FixAction.RemoveModifier(1, "50")), Set.of("BILATERAL:64645"));
    }

    private static CardRenderer renderer(DataSize maxResponseSize) {
        return new CardRenderer(new CardProperties(null, "Coding advisor", 10, 3, maxResponseSize),
                new SuggestionBuilder(new FhirJson(FHIR), RulePackLoader.loadBundled()));
    }
}
