package org.chemoadvisor.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Issued cards are written by the background writer, never lost on flush or close, dropped (counted)
 * when the queue is full, and kept and retried, with growing delays, while the store is unreachable.
 */
class QueuedIssuedCardsTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration LINGER = Duration.ofMillis(100);

    private final MeterRegistry meters = new SimpleMeterRegistry();
    /** The writer's tasks, run only when a test says so. */
    private final HeldWriter heldWriter = new HeldWriter();
    private final List<HeldWriter.Scheduled> pendingWrites = heldWriter.pending();
    private StoreSwitch store;
    private JdbcTemplate jdbc;
    private JdbcIssuedCards table;

    @BeforeEach
    void freshDatabase() {
        DataSource database = FeedbackDatabase.migrated();
        jdbc = new JdbcTemplate(database);
        store = new StoreSwitch(database);
        table = new JdbcIssuedCards(new JdbcTemplate(store));
    }

    @Test
    void recordingLeavesTheWriteToTheWriter() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 10);

        cards.record(cards(3, "CHEMO-01"));

        assertThat(rows()).as("nothing written on the caller's thread").isZero();
        assertThat(queuedGauge()).isEqualTo(3);
        assertThat(pendingWrites).as("one write, after the linger").extracting(HeldWriter.Scheduled::delay)
                .containsExactly(LINGER);
        runPendingWrites();
        assertThat(rows()).isEqualTo(3);
        assertThat(queuedGauge()).isZero();
    }

    @Test
    void cardsOfCallsWithinTheLingerShareOneWrite() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 10);

        cards.record(cards(2, "CHEMO-01"));
        cards.record(cards(1, "CHEMO-06"));
        cards.record(cards(3, "CHEMO-20"));

        assertThat(pendingWrites).as("the calls after the first join its write").hasSize(1);
        runNextWrite();
        assertThat(rows()).isEqualTo(6);
        assertThat(pendingWrites).as("nothing left for another write").isEmpty();
        cards.record(cards(1, "CHEMO-24"));
        assertThat(pendingWrites).as("a card after the write starts the next one").extracting(HeldWriter.Scheduled::delay)
                .containsExactly(LINGER);
    }

    @Test
    void aNegativeLingerIsRefused() {
        assertThatThrownBy(() -> new IssuedCardsProperties(100, 10, Duration.ofMillis(-1), 10, Duration.ofSeconds(1),
                Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linger");
    }

    @Test
    void aZeroLingerWritesAtOnce() {
        QueuedIssuedCards cards = new QueuedIssuedCards(table, heldWriter,
                new IssuedCardsProperties(100, 10, Duration.ZERO, 10, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                meters);

        cards.record(cards(1, "CHEMO-01"));

        assertThat(pendingWrites).extracting(HeldWriter.Scheduled::delay).containsExactly(Duration.ZERO);
    }

    @Test
    void flushWritesEveryQueuedCardInBatches() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 2);
        cards.record(cards(5, "CHEMO-01"));
        cards.record(List.of(new IssuedCard("other", "CHEMO-20", "svc", ISSUED_AT)));

        cards.flush();

        assertThat(rows()).isEqualTo(6);
        runPendingWrites();
        assertThat(rows()).as("the writer finds nothing left to write").isEqualTo(6);
    }

    @Test
    void aFullQueueDropsTheNewCardsAndCountsThem() {
        QueuedIssuedCards cards = queued(heldWriter, 4, 10);

        cards.record(cards(3, "CHEMO-01"));
        cards.record(cards(3, "CHEMO-06"));
        cards.flush();

        assertThat(dropped(QueuedIssuedCards.QUEUE_FULL)).isEqualTo(2);
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
        assertThat(dropped(QueuedIssuedCards.WRITE_FAILED)).isZero();
    }

    @Test
    void aBatchTheStoreRefusesIsDroppedAtOnceCountedAndNeverReachesTheCaller() {
        QueuedIssuedCards cards = queued((task, delay) -> task.run(), 100, 10);
        String tooLongForTheColumn = "R".repeat(65);

        assertThatNoException().isThrownBy(() -> cards.record(cards(2, tooLongForTheColumn)));

        assertThat(dropped(QueuedIssuedCards.WRITE_FAILED)).isEqualTo(2);
        assertThat(failedAttempts()).isEqualTo(1);
        assertThat(rows()).isZero();
        assertThat(queuedGauge()).isZero();
    }

    @Test
    void closingWritesWhatIsQueuedAndLaterCardsAreWrittenDirectly() throws Exception {
        // The service's writer: closing drops the write still lingering and writes the queue itself, at once.
        QueuedIssuedCards cards = queued(new IssuedCardsConfiguration().issuedCardsWriter(), 100, 10);
        cards.record(cards(3, "CHEMO-01"));

        cards.close();
        assertThat(rows()).isEqualTo(3);

        cards.record(List.of(new IssuedCard("late", "CHEMO-20", "svc", ISSUED_AT)));
        assertThat(rows()).isEqualTo(4);
    }

    @Test
    void withTheStoreUnreachableTheBatchIsKeptAndWrittenByALaterRetry() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 10);
        store.down = true;
        cards.record(cards(3, "CHEMO-01"));

        runNextWrite();

        assertThat(failedAttempts()).isEqualTo(1);
        assertThat(droppedInAll()).isZero();
        assertThat(queuedGauge()).as("the failed batch still waits").isEqualTo(3);
        assertThat(pendingWrites).as("one retry, after the first delay").extracting(HeldWriter.Scheduled::delay)
                .containsExactly(Duration.ofSeconds(1));

        cards.record(cards(2, "CHEMO-06"));
        assertThat(pendingWrites).as("no attempt per new card while a retry waits").hasSize(1);
        assertThat(queuedGauge()).isEqualTo(5);

        store.down = false;
        runNextWrite();

        assertThat(rows()).isEqualTo(5);
        assertThat(queuedGauge()).isZero();
        assertThat(pendingWrites).isEmpty();
        cards.record(cards(1, "CHEMO-20"));
        assertThat(pendingWrites).as("back to writing after the linger, not the retry delay")
                .extracting(HeldWriter.Scheduled::delay).containsExactly(LINGER);
    }

    @Test
    void retriesWaitLongerEachTimeAndABatchIsDroppedAfterItsLastAttempt() {
        QueuedIssuedCards cards = new QueuedIssuedCards(table, heldWriter,
                new IssuedCardsProperties(100, 2, LINGER, 3, Duration.ofSeconds(1), Duration.ofSeconds(3)), meters);
        store.down = true;
        cards.record(cards(3, "CHEMO-01"));

        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            runNextWrite();
            delays.add(pendingWrites.get(0).delay());
        }

        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        assertThat(failedAttempts()).isEqualTo(4);
        assertThat(dropped(QueuedIssuedCards.STORE_UNAVAILABLE)).as("the first batch of two, after three attempts")
                .isEqualTo(2);
        assertThat(queuedGauge()).isEqualTo(1);

        store.down = false;
        runNextWrite();
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void anErrorFromTheDriverIsAFailedAttemptAndTheBatchIsKept() {
        // pgjdbc under -ea throws an AssertionError when the connection dies mid-batch (pgjdbc#1458).
        QueuedIssuedCards cards = queued(heldWriter, 100, 10);
        store.error = new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
        cards.record(cards(3, "CHEMO-01"));

        assertThatNoException().isThrownBy(this::runNextWrite);

        assertThat(failedAttempts()).isEqualTo(1);
        assertThat(queuedGauge()).isEqualTo(3);
        assertThat(droppedInAll()).isZero();
        store.error = null;
        runNextWrite();
        assertThat(rows()).isEqualTo(3);
        assertThat(queuedGauge()).isZero();
    }

    @Test
    void aFlushWithTheStoreUnreachableThrowsAndKeepsTheCardsQueued() {
        QueuedIssuedCards cards = queued(heldWriter, 100, 10);
        cards.record(cards(3, "CHEMO-01"));
        store.down = true;

        assertThatThrownBy(cards::flush).isInstanceOf(DataAccessException.class);

        assertThat(queuedGauge()).isEqualTo(3);
        assertThat(droppedInAll()).isZero();
        store.down = false;
        cards.flush();
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void closingWithTheStoreUnreachableCountsWhatIsLeftAsDropped() throws Exception {
        QueuedIssuedCards cards = queued(heldWriter, 100, 2);
        cards.record(cards(5, "CHEMO-01"));
        store.down = true;

        cards.close();

        assertThat(dropped(QueuedIssuedCards.STORE_UNAVAILABLE)).isEqualTo(5);
        assertThat(queuedGauge()).isZero();
        assertThat(failedAttempts()).as("one attempt, not one per batch").isEqualTo(1);
    }

    @Test
    void recordingNeverWaitsForAStoreThatHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        store.hang = release;
        // No linger: the service's writer starts at once and hangs in the store while the calls go on.
        QueuedIssuedCards cards = new QueuedIssuedCards(table, new IssuedCardsConfiguration().issuedCardsWriter(),
                new IssuedCardsProperties(100, 2, Duration.ZERO, 10, Duration.ofSeconds(1), Duration.ofSeconds(30)), meters);
        try {
            for (int i = 0; i < 20; i++) {
                cards.record(cards(3, "CHEMO-" + i));
            }

            // All 20 calls returned while the store still hangs: none waited on it.
            assertThat(release.getCount()).isEqualTo(1);
            assertThat(queuedGauge()).isEqualTo(60);
        } finally {
            store.hang = null;
            release.countDown();
            cards.close();
        }
        assertThat(rows()).isEqualTo(60);
    }

    static IssuedCardsProperties properties(int capacity, int batchSize) {
        return new IssuedCardsProperties(capacity, batchSize, LINGER, 10, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    private QueuedIssuedCards queued(QueuedIssuedCards.Writer writer, int capacity, int batchSize) {
        return new QueuedIssuedCards(table, writer, properties(capacity, batchSize), meters);
    }

    private void runNextWrite() {
        assertThat(pendingWrites).isNotEmpty();
        heldWriter.runNext();
    }

    private void runPendingWrites() {
        heldWriter.runUntilIdle(100);
    }

    private static List<IssuedCard> cards(int n, String ruleId) {
        return IntStream.range(0, n)
                .mapToObj(i -> new IssuedCard(ruleId + "-card-" + i, ruleId, "chemodenervation-order-sign", ISSUED_AT))
                .toList();
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM issued_card", Integer.class);
    }

    private double queuedGauge() {
        return meters.get(QueuedIssuedCards.QUEUED).gauge().value();
    }

    private double failedAttempts() {
        return meters.get(QueuedIssuedCards.FAILED).counter().count();
    }

    private double dropped(String reason) {
        return meters.get(QueuedIssuedCards.DROPPED).tag("reason", reason).counter().count();
    }

    private double droppedInAll() {
        return meters.get(QueuedIssuedCards.DROPPED).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** The database as the writer sees it: reachable, refusing connections ({@code down}), throwing {@code error}, or hanging until released. */
    static final class StoreSwitch extends DelegatingDataSource {

        volatile boolean down;
        volatile CountDownLatch hang;
        volatile Error error;

        StoreSwitch(DataSource database) {
            super(database);
        }

        @Override
        public Connection getConnection() throws SQLException {
            CountDownLatch latch = hang;
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Error failure = error;
            if (failure != null) {
                throw failure;
            }
            if (down) {
                throw new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms");
            }
            return super.getConnection();
        }
    }
}
