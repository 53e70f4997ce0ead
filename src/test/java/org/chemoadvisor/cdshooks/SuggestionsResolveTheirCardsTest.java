package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.CdsCalls.Answer;
import org.chemoadvisor.cdshooks.CdsCalls.CardOutline;
import org.chemoadvisor.feedback.IssuedCard;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Accepting a suggestion, as an EHR would, yields orders the same service no longer objects to. */
@SpringBootTest
@AutoConfigureMockMvc
class SuggestionsResolveTheirCardsTest {

    private static final String ORDER_SIGN = "chemodenervation-order-sign";
    private static final String DISCHARGE = "chemodenervation-encounter-discharge";

    @Autowired
    MockMvc mvc;


    @MockitoBean
    IssuedCards issuedCards;

    /** These office orders carry no toxin order, so CHEMO-32's info card stays after any coding fix. */
    private static final String NO_TOXIN_ORDER = "CHEMO-32";

    private static List<String> ruleIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("cards").forEach(card -> ids.add(card.path("source").path("topic").path("code").asText()));
        return ids;
    }

    @Test
    void acceptingTheSuggestionFor64645WithoutItsPrimaryLeavesNoCards() throws Exception {
        ObjectNode request = (ObjectNode) Examples.named("order-sign/01-addon-without-primary").request().deepCopy();

        JsonNode first = CdsCalls.post(mvc, ORDER_SIGN, request).body();
        JsonNode card = first.path("cards").get(0);
        assertThat(card.path("source").path("topic").path("code").asText()).isEqualTo("CHEMO-01");

        DraftOrders.apply(request, card.path("suggestions").get(0));
        Answer second = CdsCalls.post(mvc, ORDER_SIGN, request);

        assertThat(second.status()).isEqualTo(200);
        assertThat(ruleIds(second.body())).containsExactly(NO_TOXIN_ORDER);
        assertThat(request.at("/context/draftOrders/entry/0/resource/code/coding/0/code").asText()).isEqualTo("64644");
    }

    @Test
    void acceptingTheDocumentedMusclesSuggestionOrders64644And64643() throws Exception {
        ObjectNode request = (ObjectNode) Examples.named("order-sign/18-planned-muscles-recode").request().deepCopy();

        JsonNode card = CdsCalls.post(mvc, ORDER_SIGN, request).body().path("cards").get(0);
        assertThat(card.path("source").path("topic").path("code").asText()).isEqualTo("CHEMO-05");
        assertThat(card.path("suggestions").get(0).path("label").asText()).contains("64644 + 64643");

        DraftOrders.apply(request, card.path("suggestions").get(0));

        assertThat(request.at("/context/draftOrders/entry/0/resource/code/coding/0/code").asText()).isEqualTo("64644");
        assertThat(request.at("/context/draftOrders/entry/1/resource/code/coding/0/code").asText()).isEqualTo("64643");
        assertThat(ruleIds(CdsCalls.post(mvc, ORDER_SIGN, request).body())).containsExactly(NO_TOXIN_ORDER);
    }

    @Test
    void theDocumentedMusclesSuggestionRecodesThe64645ProcedureAs64643() throws Exception {
        JsonNode answer = CdsCalls.post(mvc, "chemodenervation-encounter-discharge",
                Examples.named("encounter-discharge/17-documented-muscles-recode").request()).body();

        JsonNode card = answer.path("cards").get(0);
        assertThat(card.path("source").path("topic").path("code").asText()).isEqualTo("CHEMO-05");
        JsonNode actions = card.path("suggestions").get(0).path("actions");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).path("type").asText()).isEqualTo("update");
        assertThat(actions.get(0).at("/resource/id").asText()).isEqualTo("proc-64645");
        assertThat(actions.get(0).at("/resource/code/coding/0/code").asText()).isEqualTo("64643");
        assertThat(actions.get(0).at("/resource/bodySite")).hasSize(3);
    }

    @Test
    void acceptingTheSuggestionForAnUndercodedEncounterCreatesTheMissingProcedure() throws Exception {
        ObjectNode request = (ObjectNode) Examples.named("encounter-discharge/21-documented-muscles-add-procedure")
                .request().deepCopy();

        JsonNode card = CdsCalls.post(mvc, DISCHARGE, request).body().path("cards").get(0);
        assertThat(card.path("source").path("topic").path("code").asText()).isEqualTo("CHEMO-05");
        JsonNode suggestion = card.path("suggestions").get(0);
        JsonNode created = suggestion.path("actions").get(1);
        assertThat(created.path("type").asText()).isEqualTo("create");
        assertThat(created.at("/resource/resourceType").asText()).isEqualTo("Procedure");
        assertThat(created.at("/resource/status").asText()).isEqualTo("completed");
        assertThat(created.at("/resource/code/coding/0/code").asText()).isEqualTo("64643");
        assertThat(created.at("/resource/subject/reference").asText()).isEqualTo("Patient/pat-1");
        assertThat(created.at("/resource/encounter/reference").asText()).isEqualTo("Encounter/enc-1");
        assertThat(created.at("/resource/performedDateTime").asText()).isEqualTo("2024-09-10");
        List<String> sites = new ArrayList<>();
        created.at("/resource/bodySite").forEach(site -> sites.add(site.path("text").asText()));
        assertThat(sites).containsExactly("Left biceps brachii", "Left brachioradialis", "Left pronator teres");

        DraftOrders.applyToProcedures(request, suggestion);

        assertThat(request.at("/prefetch/procedures/entry")).hasSize(2);
        assertThat(request.at("/prefetch/procedures/entry/0/resource/code/coding/0/code").asText()).isEqualTo("64644");
        assertThat(ruleIds(CdsCalls.post(mvc, DISCHARGE, request).body())).isEmpty();
    }

    @Test
    void acceptingTheSuggestionForAnOvercodedEncounterDeletesTheExtraProcedure() throws Exception {
        ObjectNode request = (ObjectNode) Examples.named("encounter-discharge/22-documented-muscles-delete-procedure")
                .request().deepCopy();

        JsonNode card = CdsCalls.post(mvc, DISCHARGE, request).body().path("cards").get(0);
        assertThat(card.path("source").path("topic").path("code").asText()).isEqualTo("CHEMO-05");
        JsonNode suggestion = card.path("suggestions").get(0);
        assertThat(suggestion.path("actions")).singleElement().satisfies(action -> {
            assertThat(action.path("type").asText()).isEqualTo("delete");
            // CDS Hooks 2.0's Action table types resourceId as a string.
            assertThat(action.path("resourceId").isTextual()).isTrue();
            assertThat(action.path("resourceId").asText()).isEqualTo("Procedure/proc-64645-extra");
        });

        DraftOrders.applyToProcedures(request, suggestion);

        assertThat(request.at("/prefetch/procedures/entry")).hasSize(2);
        assertThat(ruleIds(CdsCalls.post(mvc, DISCHARGE, request).body())).isEmpty();
    }

    @Test
    void limbCodesCodedTheWrongWayRoundAreRecodedOnTheProcedureOfEachLimb() throws Exception {
        ObjectNode request = (ObjectNode) Examples.named("encounter-discharge/17-documented-muscles-recode")
                .request().deepCopy();
        // The 6-muscle right arm Procedure coded 64645, the 3-muscle left arm Procedure coded 64644.
        ((ObjectNode) request.at("/prefetch/procedures/entry/0/resource/code/coding/0")).put("code", "64645");
        ((ObjectNode) request.at("/prefetch/procedures/entry/1/resource/code/coding/0")).put("code", "64644");

        JsonNode suggestion = CdsCalls.post(mvc, DISCHARGE, request).body().at("/cards/0/suggestions/0");

        List<String> updates = new ArrayList<>();
        suggestion.path("actions").forEach(a -> updates.add(a.path("type").asText() + " " + a.at("/resource/id").asText()
                + "=" + a.at("/resource/code/coding/0/code").asText()));
        assertThat(updates).containsExactlyInAnyOrder("update proc-64644=64644", "update proc-64645=64643");
        DraftOrders.applyToProcedures(request, suggestion);
        assertThat(ruleIds(CdsCalls.post(mvc, DISCHARGE, request).body())).isEmpty();
    }

    static Stream<Examples.Example> dischargeExamplesWithSuggestions() {
        return Examples.all().stream()
                .filter(e -> e.service().equals(DISCHARGE))
                .filter(e -> e.expected().findValues("suggestionActions").stream().anyMatch(a -> !a.isEmpty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dischargeExamplesWithSuggestions")
    void eachSuggestionAppliedToTheEncounterProceduresSilencesItsRule(Examples.Example example) throws Exception {
        JsonNode answer = CdsCalls.post(mvc, DISCHARGE, example.request()).body();
        assertThat(answer.path("cards")).isNotEmpty();
        for (JsonNode card : answer.path("cards")) {
            for (JsonNode suggestion : card.path("suggestions")) {
                ObjectNode fixed = (ObjectNode) example.request().deepCopy();
                DraftOrders.applyToProcedures(fixed, suggestion);
                String ruleId = card.path("source").path("topic").path("code").asText();

                JsonNode after = CdsCalls.post(mvc, DISCHARGE, fixed).body();

                assertThat(CdsCalls.outlines(after)).extracting(CardOutline::ruleId)
                        .as("%s after '%s'", example, suggestion.path("label").asText())
                        .doesNotContain(ruleId);
            }
        }
    }

    @Test
    void everyIssuedCardIsRecordedWithItsRuleAndService() throws Exception {
        JsonNode answer = CdsCalls.post(mvc, ORDER_SIGN,
                Examples.named("order-sign/06-recode-64642-with-64645").request()).body();

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<IssuedCard>> recorded = ArgumentCaptor.forClass(List.class);
        verify(issuedCards).record(recorded.capture());
        assertThat(recorded.getValue()).extracting(IssuedCard::ruleId).containsExactly("CHEMO-01", NO_TOXIN_ORDER);
        assertThat(recorded.getValue()).hasSize(answer.path("cards").size()).allSatisfy(issued -> {
            assertThat(issued.serviceId()).isEqualTo(ORDER_SIGN);
            assertThat(issued.issuedAt()).isNotNull();
        });
        assertThat(recorded.getValue().get(0).cardUuid()).isEqualTo(answer.path("cards").get(0).path("uuid").asText());
        assertThat(recorded.getValue().get(1).cardUuid()).isEqualTo(answer.path("cards").get(1).path("uuid").asText());
    }

    static Stream<Examples.Example> examplesWithSuggestions() {
        return Examples.all().stream()
                .filter(e -> e.service().equals(ORDER_SIGN))
                .filter(e -> e.expected().findValues("suggestionActions").stream().anyMatch(a -> !a.isEmpty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesWithSuggestions")
    void eachSuggestionAppliedToTheDraftOrdersSilencesItsRule(Examples.Example example) throws Exception {
        JsonNode answer = CdsCalls.post(mvc, ORDER_SIGN, example.request()).body();
        for (JsonNode card : answer.path("cards")) {
            for (JsonNode suggestion : card.path("suggestions")) {
                ObjectNode fixed = (ObjectNode) example.request().deepCopy();
                DraftOrders.apply(fixed, suggestion);
                String ruleId = card.path("source").path("topic").path("code").asText();

                JsonNode after = CdsCalls.post(mvc, ORDER_SIGN, fixed).body();

                assertThat(CdsCalls.outlines(after)).extracting(CardOutline::ruleId)
                        .as("%s after '%s'", example, suggestion.path("label").asText())
                        .doesNotContain(ruleId);
            }
        }
        verify(issuedCards, org.mockito.Mockito.atLeastOnce()).record(anyList());
    }
}
