package org.chemoadvisor.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Posts CDS Hooks calls through MockMvc and reduces the answer to what examples state. */
final class CdsCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CdsCalls() {
    }

    record Answer(int status, JsonNode body) {
    }

    /** What an expected file says about a card: rule ID (null for a data notice), indicator, action types. */
    record CardOutline(String ruleId, String indicator, List<String> suggestionActions) {

        static CardOutline of(JsonNode card) {
            JsonNode topic = card.path("source").path("topic");
            List<String> actions = new ArrayList<>();
            card.path("suggestions").forEach(s -> s.path("actions").forEach(a -> actions.add(a.path("type").asText())));
            return new CardOutline(topic.isMissingNode() ? null : topic.path("code").asText(),
                    card.path("indicator").asText(), actions);
        }

        static CardOutline expected(JsonNode node) {
            List<String> actions = new ArrayList<>();
            node.path("suggestionActions").forEach(a -> actions.add(a.asText()));
            return new CardOutline(node.path("ruleId").isTextual() ? node.path("ruleId").asText() : null,
                    node.path("indicator").asText(), actions);
        }
    }

    static Answer post(MockMvc mvc, String serviceId, JsonNode request) throws Exception {
        return post(mvc, serviceId, JSON.writeValueAsString(request));
    }

    static Answer post(MockMvc mvc, String serviceId, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/cds-services/" + serviceId)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        String text = response.getContentAsString();
        return new Answer(response.getStatus(), text.isEmpty() ? JSON.missingNode() : JSON.readTree(text));
    }

    static List<CardOutline> outlines(JsonNode response) {
        List<CardOutline> outlines = new ArrayList<>();
        response.path("cards").forEach(card -> outlines.add(CardOutline.of(card)));
        return outlines;
    }

}
