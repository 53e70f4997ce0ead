package org.chemoadvisor.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chemoadvisor.feedback.FeedbackReport.RuleSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A card the CDS service really issued, overridden by the clinician, shows up under its rule in the report. */
@SpringBootTest
@AutoConfigureMockMvc
class CardFeedbackEndToEndTest {

    private static final String ORDER_SIGN = "chemodenervation-order-sign";

    @Autowired
    MockMvc mvc;
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
    void anOverriddenCardIsCountedUnderItsRule() throws Exception {
        String request = Files.readString(Path.of("cds-hooks/order-sign/01-addon-without-primary.request.json"));
        JsonNode cards = json.readTree(mvc.perform(post("/cds-services/" + ORDER_SIGN)
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("cards");
        JsonNode card = cards.get(0);
        assertThat(card.path("source").path("topic").path("code").asText()).isEqualTo("CHEMO-01");
        JsonNode reason = card.path("overrideReasons").get(0);

        String feedback = json.writeValueAsString(json.createObjectNode().set("feedback", json.createArrayNode()
                .add(json.createObjectNode()
                        .put("card", card.path("uuid").asText())
                        .put("outcome", "overridden")
                        .put("outcomeTimestamp", "2026-11-26T10:00:00Z")
                        .set("overrideReason", json.createObjectNode().set("reason", reason)))));
        mvc.perform(post("/cds-services/" + ORDER_SIGN + "/feedback")
                .contentType(MediaType.APPLICATION_JSON).content(feedback)).andExpect(status().isOk());

        FeedbackReport report = json.readValue(mvc.perform(get("/feedback/report")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), FeedbackReport.class);
        RuleSummary chemo01 = report.rules().stream().filter(r -> r.ruleId().equals("CHEMO-01")).findFirst().orElseThrow();
        long chemo01Cards = 0;
        for (JsonNode issued : cards) {
            chemo01Cards += issued.at("/source/topic/code").asText().equals("CHEMO-01") ? 1 : 0;
        }
        assertThat(chemo01.issued()).isEqualTo(chemo01Cards).isPositive();
        assertThat(chemo01.overridden()).isEqualTo(1);
        assertThat(chemo01.accepted()).isZero();
        assertThat(chemo01.topOverrideReasons()).singleElement()
                .satisfies(r -> assertThat(r.display()).isEqualTo(reason.path("display").asText()));
    }
}
