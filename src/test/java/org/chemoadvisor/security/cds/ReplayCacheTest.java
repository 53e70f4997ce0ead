package org.chemoadvisor.security.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.chemoadvisor.security.cds.ReplayCache.Outcome;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(5));

    @Test
    void aJtiIsAcceptedOnceAndThenRefused() {
        ReplayCache cache = new ReplayCache(10, at(NOW));

        assertThat(cache.use("https://ehr.test", "a", LATER)).isEqualTo(Outcome.FIRST_USE);
        assertThat(cache.use("https://ehr.test", "a", LATER)).isEqualTo(Outcome.REPLAYED);
    }

    @Test
    void theSameJtiFromAnotherIssuerIsAnotherToken() {
        ReplayCache cache = new ReplayCache(10, at(NOW));
        cache.use("https://ehr.test", "a", LATER);

        assertThat(cache.use("https://other.test", "a", LATER)).isEqualTo(Outcome.FIRST_USE);
    }

    @Test
    void aJtiIsForgottenOnceItsTokenCouldNoLongerBeAccepted() {
        MutableClock clock = new MutableClock(NOW);
        ReplayCache cache = new ReplayCache(10, clock);
        cache.use("https://ehr.test", "a", LATER);
        assertThat(cache.size()).isEqualTo(1);
        clock.now = LATER;

        assertThat(cache.size()).isZero();
        assertThat(cache.use("https://ehr.test", "a", LATER.plusSeconds(300))).isEqualTo(Outcome.FIRST_USE);
    }

    @Test
    void aFullCacheRefusesNewTokensRatherThanForgetLiveOnes() {
        MutableClock clock = new MutableClock(NOW);
        ReplayCache cache = new ReplayCache(2, clock);
        cache.use("https://ehr.test", "a", LATER);
        cache.use("https://ehr.test", "b", LATER.plusSeconds(60));

        assertThat(cache.use("https://ehr.test", "c", LATER)).isEqualTo(Outcome.FULL);
        assertThat(cache.use("https://ehr.test", "a", LATER)).isEqualTo(Outcome.REPLAYED);

        clock.now = LATER;
        assertThat(cache.use("https://ehr.test", "c", LATER.plusSeconds(60))).isEqualTo(Outcome.FIRST_USE);
    }

    @Test
    void aCacheWithoutRoomIsAConfigurationError() {
        assertThatThrownBy(() -> new ReplayCache(0, at(NOW)))
                .hasMessageContaining("cds.security.replay-cache-size");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A clock the test moves forward by hand (no sleeping). */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
