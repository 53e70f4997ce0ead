package org.chemoadvisor.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Bad feedback is answered with a 4xx JSON error naming the problem, and nothing of it is stored. */
@SpringBootTest
@AutoConfigureMockMvc
class FeedbackRequestErrorsTest {

    static final String FEEDBACK = "/cds-services/chemodenervation-order-select/feedback";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyStore() {
        jdbc.sql("DELETE FROM feedback_accepted_suggestion").update();
        jdbc.sql("DELETE FROM card_feedback").update();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated.json                    | malformed_request | not valid JSON
            feedback-not-an-array.json        | malformed_request | not valid JSON
            no-feedback-member.json           | invalid_feedback  | object with a 'feedback' array
            empty-feedback.json               | invalid_feedback  | between 1 and
            missing-card.json                 | invalid_feedback  | feedback[0].card is required
            missing-outcome.json              | invalid_feedback  | feedback[0].outcome must be 'accepted' or 'overridden'
            unknown-outcome.json              | invalid_feedback  | feedback[0].outcome must be 'accepted' or 'overridden'
            accepted-without-suggestions.json | invalid_feedback  | feedback[0].acceptedSuggestions is required with outcome 'accepted'
            suggestions-on-override.json      | invalid_feedback  | feedback[0].acceptedSuggestions is only allowed with outcome 'accepted'
            override-reason-on-accept.json    | invalid_feedback  | feedback[0].overrideReason is only allowed with outcome 'overridden'
            reason-without-code.json          | invalid_feedback  | feedback[0].overrideReason.reason.code is required
            missing-timestamp.json            | invalid_feedback  | feedback[0].outcomeTimestamp is required
            unreadable-timestamp.json         | invalid_feedback  | feedback[0].outcomeTimestamp must be an ISO 8601 date-time
            second-entry-invalid.json         | invalid_feedback  | feedback[1].acceptedSuggestions[0].id is required
            duplicate-key-in-suggestion.json  | malformed_request | member named twice
            duplicate-key-in-reason.json      | malformed_request | member named twice
            duplicate-key-in-entry.json       | malformed_request | member named twice
            """)
    void invalidFeedbackIsABadRequestThatNamesTheProblem(String file, String error, String message) throws Exception {
        mvc.perform(post(FEEDBACK).contentType(MediaType.APPLICATION_JSON)
                        .content(FeedbackRoundTripContract.example("feedback/invalid/" + file)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(error))
                .andExpect(jsonPath("$.message").value(Matchers.containsString(message)));

        assertThat(storedFeedback()).as("a rejected request stores none of its entries").isZero();
    }

    @Test
    void feedbackForAnUnknownServiceIsNotFound() throws Exception {
        mvc.perform(post("/cds-services/no-such-service/feedback").contentType(MediaType.APPLICATION_JSON)
                        .content(FeedbackRoundTripContract.example("feedback/overridden.json")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("unknown_service"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("no-such-service")));

        assertThat(storedFeedback()).isZero();
    }

    @Test
    void feedbackThatIsNotJsonIsUnsupportedMediaType() throws Exception {
        mvc.perform(post(FEEDBACK).contentType(MediaType.TEXT_PLAIN).content("accepted"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("unsupported_media_type"));
    }

    @Test
    void validFeedbackIsAnsweredWithAnEmptyOk() throws Exception {
        mvc.perform(post(FEEDBACK).contentType(MediaType.APPLICATION_JSON)
                        .content(FeedbackRoundTripContract.example("feedback/overridden.json")))
                .andExpect(status().isOk())
                .andExpect(content().string(""));

        assertThat(storedFeedback()).isEqualTo(5);
    }

    @Test
    void reportWithAnUnreadableSinceIsABadRequest() throws Exception {
        mvc.perform(get("/feedback/report").param("since", "last tuesday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_feedback"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("'since'")));
    }

    private long storedFeedback() {
        return jdbc.sql("SELECT COUNT(*) FROM card_feedback").query(Long.class).single();
    }
}
