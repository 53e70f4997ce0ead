package org.chemoadvisor.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issued cards are written by the background writer, never lost on flush or close, and dropped (counted) when the queue is full. */
class QueuedIssuedCardsTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-11-20T10:00:00Z");

    private final MeterRegistry meters = new SimpleMeterRegistry();
    /** The writer's tasks, run only when a test says so. */
    private final List<Runnable> pendingWrites = new ArrayList<>();
    private final Executor heldWriter = pendingWrites::add;
    private JdbcTemplate jdbc;
    private JdbcIssuedCards table;

    @BeforeEach
    void freshDatabase() {
        jdbc = new JdbcTemplate(FeedbackDatabase.migrated());
        table = new JdbcIssuedCards(jdbc);
    }

    @Test
    void recordingLeavesTheWriteToTheWriter() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 10);

        cards.record(cards(3, "CHEMO-01"));

        assertThat(rows()).as("nothing written on the caller's thread").isZero();
        assertThat(meters.get(QueuedIssuedCards.QUEUED).gauge().value()).isEqualTo(3);
        assertThat(pendingWrites).hasSize(1);
        pendingWrites.forEach(Runnable::run);
        assertThat(rows()).isEqualTo(3);
        assertThat(meters.get(QueuedIssuedCards.QUEUED).gauge().value()).isZero();
    }

    @Test
    void flushWritesEveryQueuedCardInBatches() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 2);
        cards.record(cards(5, "CHEMO-01"));
        cards.record(List.of(new IssuedCard("other", "CHEMO-20", "svc", ISSUED_AT)));

        cards.flush();

        assertThat(rows()).isEqualTo(6);
        pendingWrites.forEach(Runnable::run);
        assertThat(rows()).as("the writer finds nothing left to write").isEqualTo(6);
    }

    @Test
    void aFullQueueDropsTheNewCardsAndCountsThem() {
        QueuedIssuedCards cards = queued(heldWriter, 4, 10);

        cards.record(cards(3, "CHEMO-01"));
        cards.record(cards(3, "CHEMO-06"));
        cards.flush();

        assertThat(dropped("queue-full")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT rule_id FROM issued_card ORDER BY card_uuid", String.class))
                .containsExactly("CHEMO-01", "CHEMO-01", "CHEMO-01", "CHEMO-06");
    }

    @Test
    void aCardQueuedTwiceIsWrittenOnce() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 10);
        cards.record(cards(2, "CHEMO-01"));
        cards.record(cards(3, "CHEMO-01"));

        cards.flush();

        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void aCardAlreadyInTheStoreDoesNotLoseTheOthersOfItsBatch() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 10);
        cards.record(cards(1, "CHEMO-01"));
        cards.flush();

        cards.record(cards(4, "CHEMO-01"));
        cards.flush();

        assertThat(rows()).isEqualTo(4);
        assertThat(dropped("write-failed")).isZero();
    }

    @Test
    void aFailedWriteIsCountedAndNeverReachesTheCaller() {
        QueuedIssuedCards cards = queued(Runnable::run, 100, 10);
        String tooLongForTheColumn = "R".repeat(65);

        assertThatNoException().isThrownBy(() -> cards.record(cards(2, tooLongForTheColumn)));

        assertThat(dropped("write-failed")).isEqualTo(2);
        assertThat(rows()).isZero();
    }

    @Test
    void closingWritesWhatIsQueuedAndLaterCardsAreWrittenDirectly() throws Exception {
        QueuedIssuedCards cards = queued(Executors.newSingleThreadExecutor(), 100, 10);
        cards.record(cards(3, "CHEMO-01"));

        cards.close();
        assertThat(rows()).isEqualTo(3);

        cards.record(List.of(new IssuedCard("late", "CHEMO-20", "svc", ISSUED_AT)));
        assertThat(rows()).isEqualTo(4);
    }

    private QueuedIssuedCards queued(Executor writer, int capacity, int batchSize) {
        return new QueuedIssuedCards(table, writer, new IssuedCardsProperties(capacity, batchSize), meters);
    }

    private static List<IssuedCard> cards(int n, String ruleId) {
        return IntStream.range(0, n)
                .mapToObj(i -> new IssuedCard(ruleId + "-card-" + i, ruleId, "chemodenervation-order-sign", ISSUED_AT))
                .toList();
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM issued_card", Integer.class);
    }

    private double dropped(String reason) {
        return meters.get(QueuedIssuedCards.DROPPED).tag("reason", reason).counter().count();
    }
}
