package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.cdshooks.CdsCalls.Answer;
import org.chemoadvisor.cdshooks.CdsCalls.CardOutline;
import org.chemoadvisor.feedback.IssuedCards;
import org.chemoadvisor.rules.RuleIds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every example in cds-hooks/ gets the answer its expected file states. (The payer setting names a
 * payer no example uses; it is here so that {@link PayerSupportingDiagnosesCdsTest} shares this context.)
 */
@SpringBootTest(properties = PayerSupportingDiagnosesCdsTest.ACME_SETTING)
@AutoConfigureMockMvc
class ContractExamplesTest {

    @Autowired
    MockMvc mvc;


    @MockitoBean
    IssuedCards issuedCards;

    static List<Examples.Example> examples() {
        return Examples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleGetsTheStatedAnswer(Examples.Example example) throws Exception {
        List<CardOutline> expected = new ArrayList<>();
        example.expected().path("cards").forEach(card -> expected.add(CardOutline.expected(card)));

        Answer answer = CdsCalls.post(mvc, example.service(), example.request());

        assertThat(answer.status()).isEqualTo(example.expected().path("status").asInt());
        if (answer.status() != 200) {
            assertThat(answer.body().path("error").asText()).isEqualTo(example.expected().path("error").asText());
            assertThat(answer.body().path("missing")).isEqualTo(example.expected().path("missing"));
            return;
        }
        assertThat(CdsCalls.outlines(answer.body())).containsExactlyInAnyOrderElementsOf(expected);
        answer.body().path("cards").forEach(ContractExamplesTest::isWellFormed);
    }

    private static void isWellFormed(JsonNode card) {
        assertThat(card.path("uuid").asText()).isNotBlank();
        assertThat(card.path("summary").asText()).isNotBlank().hasSizeLessThan(140);
        assertThat(card.path("indicator").asText()).isIn("info", "warning", "critical");
        assertThat(card.path("source").path("label").asText()).isNotBlank();
        if (card.path("source").has("topic")) {
            assertThat(card.path("source").path("topic").path("system").asText()).isEqualTo(RuleIds.SYSTEM);
            assertThat(card.path("overrideReasons")).isNotEmpty();
            card.path("overrideReasons").forEach(reason -> assertThat(reason.path("display").asText()).isNotBlank());
        }
        boolean suggests = !card.path("suggestions").isEmpty();
        assertThat(card.path("selectionBehavior").asText(null)).isEqualTo(suggests ? "at-most-one" : null);
        card.path("suggestions").forEach(suggestion -> {
            assertThat(suggestion.path("uuid").asText()).isNotBlank();
            assertThat(suggestion.path("label").asText()).isNotBlank();
            suggestion.path("actions").forEach(action -> assertThat(action.path("description").asText()).isNotBlank());
        });
    }
}
