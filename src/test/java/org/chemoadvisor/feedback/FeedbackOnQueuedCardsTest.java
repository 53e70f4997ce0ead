package org.chemoadvisor.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.chemoadvisor.feedback.FeedbackReport.RuleSummary;
import org.chemoadvisor.feedback.FeedbackRequest.Entry;
import org.chemoadvisor.feedback.FeedbackRequest.OverrideReason;
import org.chemoadvisor.feedback.FeedbackRequest.ReasonCoding;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Feedback on a card whose record is still waiting for the background writer counts under the card's rule. */
class FeedbackOnQueuedCardsTest {

    private static final String SERVICE = "chemodenervation-order-sign";

    private final DataSource database = FeedbackDatabase.migrated();
    /** The writer's tasks; never run here, so the issued cards stay queued. */
    private final List<Runnable> writerNeverRuns = new ArrayList<>();
    private final QueuedIssuedCards issuedCards = new QueuedIssuedCards(new JdbcIssuedCards(new JdbcTemplate(database)),
            (task, delay) -> writerNeverRuns.add(task), QueuedIssuedCardsTest.properties(100, 10),
            new SimpleMeterRegistry());
    private final FeedbackService feedback = new FeedbackService(SERVICE::equals,
            new FeedbackStore(JdbcClient.create(database)), new FeedbackReportQuery(JdbcClient.create(database)),
            issuedCards);

    @Test
    void theReportCountsFeedbackOnACardStillQueuedUnderItsRule() {
        issuedCards.record(List.of(new IssuedCard("card-1", "CHEMO-01", SERVICE, Instant.parse("2026-11-20T10:00:00Z"))));
        feedback.receive(SERVICE, new FeedbackRequest(List.of(new Entry("card-1", "overridden", null,
                new OverrideReason(new ReasonCoding("documentation-supports", null, null), null),
                "2026-11-20T11:00:00Z"))));

        FeedbackReport report = feedback.report(null);

        assertThat(report.rules()).extracting(RuleSummary::ruleId, RuleSummary::issued, RuleSummary::overridden)
                .containsExactly(tuple("CHEMO-01", 1L, 1L));
        assertThat(writerNeverRuns).as("the writer was scheduled but the report did not wait for it").hasSize(1);
    }
}
