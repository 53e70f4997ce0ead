package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chemoadvisor.cdshooks.CdsCalls.Answer;
import org.chemoadvisor.cdshooks.CdsCalls.CardOutline;
import org.chemoadvisor.cdshooks.adapt.FhirCodes;
import org.chemoadvisor.feedback.IssuedCard;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Answers do not grow with the square of the input: absurd repetition is refused before parsing,
 * one problem is one card with one suggestion, and an answer holds at most cds.cards.max-cards
 * cards (default limits: 200 resources, 50 repetitions, 20 cards, 1 MB).
 */
@SpringBootTest
@AutoConfigureMockMvc
class BoundedAnswersTest {

    private static final String ORDER_SIGN = "chemodenervation-order-sign";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NOT_SHOWN = Pattern.compile("(\\d+) more findings? (was|were) not shown");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedCards issuedCards;

    @Test
    void anOrderWithTwoThousandModifiersIsRefusedNamingTheElementAndTheLimit() throws Exception {
        ObjectNode request = LargeOrders.bilateralModifiers(2_000);
        assertThat(JSON.writeValueAsBytes(request).length).isGreaterThan(150_000);

        Raw answer = post(request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("too_many_repetitions");
        assertThat(answer.body().path("message").asText()).isEqualTo("context.draftOrders: ServiceRequest.orderDetail"
                + " has 2000 entries; at most 50 are accepted (cds.limits.max-repetitions)");
        assertThat(answer.bytes()).isLessThan(1_000);
    }

    @Test
    void manyOffendingModifiersJustUnderTheLimitAreOneCardWithOneSuggestion() throws Exception {
        ObjectNode request = LargeOrders.bilateralModifiers(49);

        Raw answer = post(request);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.bytes()).isLessThan(100_000);
        List<JsonNode> bilateral = cardsOf(answer.body(), "CHEMO-06");
        assertThat(bilateral).hasSize(1);
        JsonNode card = bilateral.get(0);
        assertThat(card.path("summary").asText()).isEqualTo("Modifier 50 does not apply to 64645: remove it and "
                + "count the second limb as one more unit");
        assertThat(card.path("detail").asText()).contains("49 problems of this kind", "One fix covers them all");
        assertThat(card.path("suggestions")).hasSize(1);
        JsonNode actions = card.at("/suggestions/0/actions");
        assertThat(actions).singleElement().satisfies(update -> {
            assertThat(update.path("type").asText()).isEqualTo("update");
            assertThat(update.at("/resource/id").asText()).isEqualTo("sr-64645");
            assertThat(update.at("/resource/orderDetail").toString()).doesNotContain(FhirCodes.MODIFIER_SYSTEM);
            // One second limb, however often 50 was repeated.
            assertThat(update.at("/resource/quantityQuantity/value").asInt()).isEqualTo(2);
        });

        DraftOrders.apply(request, card.at("/suggestions/0"));
        Answer after = CdsCalls.post(mvc, ORDER_SIGN, request);

        assertThat(after.status()).isEqualTo(200);
        assertThat(CdsCalls.outlines(after.body())).extracting(CardOutline::ruleId).doesNotContain("CHEMO-06");
    }

    @Test
    void manyDistinctFindingsAreCappedAtMaxCardsWithTheMostSevereShown() throws Exception {
        Raw answer = post(LargeOrders.manyBilateralOrders(40));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode cards = answer.body().path("cards");
        assertThat(cards).hasSize(20);
        JsonNode last = cards.get(19);
        Matcher notShown = NOT_SHOWN.matcher(last.path("summary").asText());
        assertThat(notShown.find()).as(last.path("summary").asText()).isTrue();
        assertThat(Integer.parseInt(notShown.group(1))).isGreaterThanOrEqualTo(41 - 19);
        assertThat(last.path("indicator").asText()).isEqualTo("info");
        assertThat(last.path("detail").asText()).contains("cds.cards.max-cards", "CHEMO-06", "CHEMO-32");
        assertThat(last.has("suggestions")).isFalse();
        // 41 critical CHEMO-06 cards compete for 19 places: the info card of CHEMO-32 is among those left out.
        List<JsonNode> shown = new ArrayList<>();
        cards.forEach(shown::add);
        assertThat(shown.subList(0, 19)).allSatisfy(card -> assertThat(card.path("indicator").asText()).isEqualTo("critical"));
        assertThat(answer.bytes()).isLessThan(1_000_000);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<IssuedCard>> recorded = ArgumentCaptor.forClass(List.class);
        verify(issuedCards).record(recorded.capture());
        assertThat(recorded.getValue()).hasSize(19).extracting(IssuedCard::cardUuid)
                .containsExactlyElementsOf(shown.subList(0, 19).stream().map(c -> c.path("uuid").asText()).toList());
    }

    @Test
    void tooManyDraftOrdersAreRefusedAsTooManyResources() throws Exception {
        Raw answer = post(LargeOrders.manyBilateralOrders(250));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").asText()).isEqualTo("too_many_resources");
        assertThat(answer.body().path("message").asText()).isEqualTo("context.draftOrders: Bundle.entry has 252 "
                + "entries; at most 200 are accepted (cds.limits.max-resources)");
    }

    @Test
    void repetitionsInPrefetchedResourcesAreLimitedToo() throws Exception {
        ObjectNode request = (ObjectNode) Examples.named(LargeOrders.EXAMPLE).request().deepCopy();
        ObjectNode coverage = (ObjectNode) request.at("/prefetch/coverage/entry/0/resource");
        for (int i = 0; i < 51; i++) {
            coverage.withArray("payor").addObject().put("display", "Payer " + i);
        }

        Raw answer = post(request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("message").asText()).isEqualTo("prefetch.coverage: Coverage.payor has 52 "
                + "entries; at most 50 are accepted (cds.limits.max-repetitions)");
    }

    @Test
    void anElementNameNoFhirElementCouldHaveIsNotEchoed() throws Exception {
        ObjectNode request = (ObjectNode) Examples.named(LargeOrders.EXAMPLE).request().deepCopy();
        String name = "<script>" + "x".repeat(10_000);
        var repeated = LargeOrders.order(request, 0).putArray(name);
        for (int i = 0; i < 51; i++) {
            repeated.add(i);
        }

        Raw answer = post(request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("message").asText())
                .isEqualTo("context.draftOrders: ServiceRequest.(element) has 51 entries; at most 50 are accepted "
                        + "(cds.limits.max-repetitions)");
    }

    private record Raw(int status, JsonNode body, int bytes) {
    }

    private Raw post(JsonNode request) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/cds-services/" + ORDER_SIGN)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsBytes(request))).andReturn().getResponse();
        byte[] body = response.getContentAsByteArray();
        return new Raw(response.getStatus(), JSON.readTree(new String(body, StandardCharsets.UTF_8)), body.length);
    }

    private static List<JsonNode> cardsOf(JsonNode answer, String ruleId) {
        List<JsonNode> cards = new ArrayList<>();
        answer.path("cards").forEach(card -> {
            if (ruleId.equals(card.at("/source/topic/code").asText())) {
                cards.add(card);
            }
        });
        return cards;
    }
}
