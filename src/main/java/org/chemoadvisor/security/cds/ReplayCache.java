package org.chemoadvisor.security.cds;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The {@code jti}s already accepted, each remembered until its token could no longer be accepted
 * anyway. Bounded: when it holds {@code capacity} live entries, new tokens are refused
 * ({@link Outcome#FULL}) rather than forgetting an unexpired {@code jti}, which would allow a replay.
 * With the default lifetime cap of 5 minutes, 100,000 entries is a sustained ~330 tokens per second.
 */
public final class ReplayCache {

    /** Whether a token's {@code jti} may be used. */
    public enum Outcome { FIRST_USE, REPLAYED, FULL }

    private record Entry(String key, Instant forgetAt) {
    }

    private final int capacity;
    private final Clock clock;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> a.forgetAt().compareTo(b.forgetAt()));

    public ReplayCache(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new CdsSecurityConfigurationException("cds.security.replay-cache-size must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Records the {@code jti} of {@code issuer} until {@code forgetAt}, unless it was seen before or there is no room. */
    public synchronized Outcome use(String issuer, String jti, Instant forgetAt) {
        Instant now = clock.instant();
        evictExpired(now);
        String key = issuer + '\u0000' + jti;
        if (seen.containsKey(key)) {
            return Outcome.REPLAYED;
        }
        if (seen.size() >= capacity) {
            return Outcome.FULL;
        }
        seen.put(key, forgetAt);
        byExpiry.add(new Entry(key, forgetAt));
        return Outcome.FIRST_USE;
    }

    synchronized int size() {
        evictExpired(clock.instant());
        return seen.size();
    }

    private void evictExpired(Instant now) {
        while (!byExpiry.isEmpty() && !byExpiry.peek().forgetAt().isAfter(now)) {
            seen.remove(byExpiry.poll().key());
        }
    }
}
