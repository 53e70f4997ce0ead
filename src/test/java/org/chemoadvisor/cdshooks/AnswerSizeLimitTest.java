package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Whatever the request limits let in, the answer stays bounded: here repetitions are allowed up to
 * 20,000 and the answer is held to 64 KB (cds.cards.max-response-size).
 */
@SpringBootTest(properties = {"cds.limits.max-repetitions=20000", "cds.cards.max-response-size=64KB"})
@AutoConfigureMockMvc
class AnswerSizeLimitTest {

    private static final String ORDER_SIGN = "chemodenervation-order-sign";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedCards issuedCards;

    @Test
    void tenThousandModifiersLetInGetOneCardWithOneSmallUpdate() throws Exception {
        byte[] request = JSON.writeValueAsBytes(LargeOrders.bilateralModifiers(10_000));
        assertThat(request.length).isGreaterThan(750_000);

        MockHttpServletResponse response = post(request);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray().length).isLessThan(20_000);
        // The update removes every 50 at once, so the order it carries is back to its small self.
        assertThat(bilateralCards(response)).singleElement().satisfies(card -> {
            assertThat(card.path("detail").asText()).contains("10000 problems of this kind");
            assertThat(card.at("/suggestions/0/actions")).singleElement()
                    .satisfies(update -> assertThat(update.at("/resource/orderDetail").isMissingNode()).isTrue());
        });
    }

    @Test
    void aCardWhoseSuggestionWouldNotFitKeepsItsAdviceAsText() throws Exception {
        ObjectNode request = LargeOrders.bilateralModifiers(1);
        LargeOrders.order(request, 1).putArray("note").addObject().put("text", "Plan: " + "x".repeat(100_000));

        MockHttpServletResponse response = post(JSON.writeValueAsBytes(request));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray().length).isLessThanOrEqualTo(64 * 1024);
        // The one update would carry the order with its 100 KB note: the card says the fix instead.
        assertThat(bilateralCards(response)).singleElement().satisfies(card -> {
            assertThat(card.has("suggestions")).isFalse();
            assertThat(card.has("selectionBehavior")).isFalse();
            assertThat(card.path("detail").asText()).contains(
                    "**Suggested fix:** Remove modifier 50 from 64645 and add one unit for the second limb",
                    "size limit");
        });
    }

    @Test
    void aSmallOrderKeepsItsSuggestion() throws Exception {
        MockHttpServletResponse response = post(JSON.writeValueAsBytes(LargeOrders.bilateralModifiers(3)));

        assertThat(bilateralCards(response)).singleElement()
                .satisfies(card -> assertThat(card.at("/suggestions/0/actions")).hasSize(1));
    }

    private static List<JsonNode> bilateralCards(MockHttpServletResponse response) throws Exception {
        List<JsonNode> cards = new ArrayList<>();
        JSON.readTree(response.getContentAsByteArray()).path("cards").forEach(card -> {
            if ("CHEMO-06".equals(card.at("/source/topic/code").asText())) {
                cards.add(card);
            }
        });
        return cards;
    }

    private MockHttpServletResponse post(byte[] body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/cds-services/" + ORDER_SIGN)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }
}
