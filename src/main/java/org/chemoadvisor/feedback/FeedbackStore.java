package org.chemoadvisor.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores feedback entries; one request is stored whole or not at all. */
@Repository
public class FeedbackStore {

    private final JdbcClient jdbc;

    public FeedbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void save(List<ReceivedFeedback> entries) {
        for (ReceivedFeedback entry : entries) {
            String id = UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO card_feedback (id, card_uuid, service_id, outcome, override_reason_code,
                        override_reason_system, override_reason_display, user_comment, outcome_timestamp)
                    VALUES (:id, :card, :service, :outcome, :code, :system, :display, :comment, :at)""")
                    .param("id", id)
                    .param("card", entry.cardUuid())
                    .param("service", entry.serviceId())
                    .param("outcome", entry.outcome().code())
                    .param("code", entry.reasonCode())
                    .param("system", entry.reasonSystem())
                    .param("display", entry.reasonDisplay())
                    .param("comment", entry.userComment())
                    .param("at", OffsetDateTime.ofInstant(entry.outcomeTimestamp(), ZoneOffset.UTC))
                    .update();
            for (String suggestion : entry.acceptedSuggestionIds()) {
                jdbc.sql("INSERT INTO feedback_accepted_suggestion (feedback_id, suggestion_id) VALUES (:id, :s)")
                        .param("id", id)
                        .param("s", suggestion)
                        .update();
            }
        }
    }
}
