package org.chemoadvisor.cdshooks.data;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.api.FhirAuthorization;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/**
 * The fallback's bounds: one deadline for all the reads of a hook call, which a server sending a
 * byte now and then cannot stretch and a full connection pool cannot queue past, and a cap on the
 * bytes read from one answer. Connect and socket timeouts are 10 s here, so a read that ends far
 * sooner was ended by the deadline or the cap.
 */
@ExtendWith(OutputCaptureExtension.class)
class FallbackFetcherLimitsTest {

    private static final String QUERY = "Procedure?patient=pat-1";
    private static final FhirAuthorization TOKEN = new FhirAuthorization("secret-token", "Bearer", 300L, null, null);
    private static final Duration TIMEOUTS = Duration.ofSeconds(10);
    private static final Duration TRICKLE = Duration.ofMillis(200);
    /** Under the 10 s timeouts, so that only the deadline, let pass by the test, ends a read cut short. */
    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();
    private static final DataSize CAP = DataSize.ofKilobytes(64);

    static final CountingServer FAST = CountingServer.answering();
    static final CountingServer TRICKLING = CountingServer.trickling(TRICKLE);
    static final CountingServer SILENT = CountingServer.neverAnswering();
    static final CountingServer FLOODING = CountingServer.flooding();
    static final CountingServer LONG = CountingServer.answeringWith(CountingServer.bundleOfAbout(100 * 1024));
    static final CountingServer UNDER_CAP = CountingServer.answeringWith(CountingServer.bundleOfAbout(60 * 1024));
    static final CountingServer GZIP_BOMB = CountingServer.answeringGzipped(CountingServer.bundleOfAbout(1024 * 1024));
    static final CountingServer GZIP_UNDER_CAP =
            CountingServer.answeringGzipped(CountingServer.bundleOfAbout(60 * 1024));

    private static final List<CountingServer> SERVERS =
            List.of(FAST, TRICKLING, SILENT, FLOODING, LONG, UNDER_CAP, GZIP_BOMB, GZIP_UNDER_CAP);

    private static FallbackFetcher fetcher(Duration deadline) {
        return new FallbackFetcher(FhirContext.forR4Cached(), properties(deadline));
    }

    /** A fetcher whose deadlines are kept on {@code now} and pass when the test lets {@code timer} pass. */
    private static FallbackFetcher fetcher(Duration deadline, AtomicLong now, DeadlineTimer timer) {
        return timer.fetcher(FhirContext.forR4Cached(), properties(deadline), AdviceMetrics.none(), now::get);
    }

    private static PrefetchProperties properties(Duration deadline) {
        return new PrefetchProperties(SERVERS.stream().map(CountingServer::fhirBase).toList(), TIMEOUTS, TIMEOUTS,
                deadline, CAP);
    }

    @BeforeAll
    static void warmUp() throws Exception {
        // The first HAPI client call of a JVM loads classes; keep that out of the timed reads.
        try (FallbackFetcher warm = fetcher(Duration.ofSeconds(30))) {
            assertThat(fetch(warm, FAST, warm.startDeadline())).isPresent();
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.forEach(CountingServer::close);
        CALLERS.shutdownNow();
    }

    @BeforeEach
    void forget() {
        SERVERS.forEach(CountingServer::forget);
    }

    @Test
    void aServerTricklingBytesIsAbandonedAtTheDeadline(CapturedOutput output) throws Exception {
        AtomicLong now = new AtomicLong();
        DeadlineTimer timer = new DeadlineTimer();
        try (FallbackFetcher fetcher = fetcher(DEADLINE, now, timer)) {
            Future<Optional<Resource>> fetched = CALLERS.submit(() -> fetch(fetcher, TRICKLING, fetcher.startDeadline()));
            TRICKLING.awaitRequests(1);
            timer.awaitReads(1);
            now.addAndGet(DEADLINE.toNanos());
            timer.pass();

            assertThat(fetched.get()).isEmpty();
            assertThat(TRICKLING.requests()).isEqualTo(1);
            // The trickle never leaves the socket silent for the 10 s socket timeout: only the deadline ends it.
            assertThat(output).contains("Prefetch fallback for procedures (Procedure) abandoned after")
                    .contains("8000 ms deadline (cds.prefetch.deadline) passed")
                    .doesNotContain("pat-1").doesNotContain("secret-token");
        }
    }

    @Test
    void theReadsOfOneCallShareOneDeadlineAndNoneStartsOnceItHasPassed(CapturedOutput output) throws Exception {
        // The deadline's clock is moved by the test, and the test lets it pass: no read here waits for time.
        AtomicLong now = new AtomicLong();
        DeadlineTimer timer = new DeadlineTimer();
        try (FallbackFetcher fetcher = fetcher(DEADLINE, now, timer)) {
            FallbackDeadline call = fetcher.startDeadline();

            assertThat(fetcher.fetch("conditions", FAST.fhirBase(), TOKEN, "Condition?patient=pat-1", call))
                    .isPresent();
            now.addAndGet(Duration.ofMillis(7000).toNanos());
            assertThat(call.remainingMillis()).isEqualTo(1000);
            // The second read gets the 1,000 ms left of the call's deadline, not a deadline of its own.
            Future<Optional<Resource>> coverage = CALLERS.submit(() ->
                    fetcher.fetch("coverage", TRICKLING.fhirBase(), TOKEN, "Coverage?patient=pat-1", call));
            TRICKLING.awaitRequests(1);
            timer.awaitReads(2);
            now.addAndGet(Duration.ofMillis(1000).toNanos());
            timer.pass();
            assertThat(coverage.get()).isEmpty();
            assertThat(output).contains("Prefetch fallback for coverage (Coverage) abandoned after");

            assertThat(fetcher.fetch("procedures", FAST.fhirBase(), TOKEN, QUERY, call)).isEmpty();
            assertThat(FAST.requests()).as("no request once the deadline has passed").isEqualTo(1);
            assertThat(output).contains("Prefetch fallback for procedures (Procedure) not tried");

            assertThat(fetch(fetcher, FAST, fetcher.startDeadline())).as("the next call has a deadline of its own")
                    .isPresent();
            assertThat(FAST.requests()).isEqualTo(2);
        }
    }

    @Test
    void parallelReadsOfAServerThatNeverAnswersAllEndAtTheirDeadlineInsteadOfQueueing(CapturedOutput output)
            throws Exception {
        int calls = 20; // twice the 10 connections per server the pool allows
        AtomicLong now = new AtomicLong();
        DeadlineTimer timer = new DeadlineTimer();
        try (FallbackFetcher fetcher = fetcher(DEADLINE, now, timer)) {
            int logBefore = output.getAll().length();
            List<Future<Optional<Resource>>> fetched = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                fetched.add(CALLERS.submit(() -> fetch(fetcher, SILENT, fetcher.startDeadline())));
            }
            // Ten reads are at the server; the other ten wait for one of its connections. (The clock moves
            // only once every read has started: one that had not would find the deadline passed and not start.)
            SILENT.awaitRequests(10);
            timer.awaitReads(calls);
            now.addAndGet(DEADLINE.toNanos());
            timer.pass();
            for (Future<Optional<Resource>> each : fetched) {
                assertThat(each.get()).isEmpty();
            }
            assertThat(SILENT.requests()).isPositive();
            // Each ended at its deadline, reading or waiting for a pooled connection; not at the 10 s timeouts.
            String log = output.getAll().substring(logBefore);
            assertThat(log.split("\\(cds\\.prefetch\\.deadline\\)", -1)).hasSize(calls + 1);
        }
    }

    @Test
    void anEndlessChunkedAnswerIsAbandonedAtTheCapWithoutWaitingForTheDeadline(CapturedOutput output)
            throws Exception {
        try (FallbackFetcher fetcher = fetcher(Duration.ofSeconds(8))) {
            assertThat(fetch(fetcher, FLOODING, fetcher.startDeadline())).isEmpty();

            assertThat(output).contains("Prefetch fallback for procedures (Procedure) abandoned after")
                    .contains("the response was larger than 65536 bytes (cds.prefetch.max-response-size)")
                    .doesNotContain("deadline (cds.prefetch.deadline) passed");
        }
    }

    @Test
    void aDeclaredLengthOverTheCapIsNotRead(CapturedOutput output) throws Exception {
        try (FallbackFetcher fetcher = fetcher(Duration.ofSeconds(5))) {
            assertThat(fetch(fetcher, LONG, fetcher.startDeadline())).isEmpty();

            assertThat(output).contains("the response was larger than 65536 bytes");
        }
    }

    @Test
    void aGzippedAnswerIsCountedAsItDecodes(CapturedOutput output) throws Exception {
        try (FallbackFetcher fetcher = fetcher(Duration.ofSeconds(5))) {
            assertThat(fetch(fetcher, GZIP_BOMB, fetcher.startDeadline())).isEmpty();

            assertThat(output).contains("the response was larger than 65536 bytes");
        }
    }

    @Test
    void answersUnderTheCapAreRead() throws Exception {
        try (FallbackFetcher fetcher = fetcher(Duration.ofSeconds(5))) {
            for (CountingServer server : Stream.of(UNDER_CAP, GZIP_UNDER_CAP).toList()) {
                Optional<Resource> fetched = fetch(fetcher, server, fetcher.startDeadline());

                assertThat(fetched).get().isInstanceOfSatisfying(Bundle.class,
                        bundle -> assertThat(bundle.getEntry()).hasSizeGreaterThan(1000));
            }
        }
    }

    private static Optional<Resource> fetch(FallbackFetcher fetcher, CountingServer server, FallbackDeadline deadline) {
        return fetcher.fetch("procedures", server.fhirBase(), TOKEN, QUERY, deadline);
    }
}
