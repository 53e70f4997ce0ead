package org.chemoadvisor.feedback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chemo.feedback.issued-cards}: issued cards wait in a bounded queue for the background
 * writer; {@code queue-capacity} cards at most (beyond it new cards are dropped and counted, so a
 * slow store never slows the advice), written {@code batch-size} per statement batch. The writer
 * starts a write {@code linger} after the first card queued since the last one, so that the cards of
 * the calls in between go in one transaction rather than one each (zero: at once).
 *
 * <p>When the store cannot be reached, a batch is tried {@code max-attempts} times in all before it
 * is dropped (counted); the writer waits {@code retry-delay} after the first failure, twice as long
 * after each further one, at most {@code max-retry-delay}, and goes back to writing at once when a
 * write succeeds.
 */
@ConfigurationProperties("chemo.feedback.issued-cards")
public record IssuedCardsProperties(
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("500") int batchSize,
        @DefaultValue("100ms") Duration linger,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration retryDelay,
        @DefaultValue("30s") Duration maxRetryDelay) {

    public IssuedCardsProperties {
        if (queueCapacity < 1 || batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "chemo.feedback.issued-cards.queue-capacity, batch-size and max-attempts must be at least 1");
        }
        if (linger == null || linger.isNegative()) {
            throw new IllegalArgumentException("chemo.feedback.issued-cards.linger must be zero or more");
        }
        if (retryDelay == null || retryDelay.isNegative() || retryDelay.isZero()
                || maxRetryDelay == null || maxRetryDelay.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException("chemo.feedback.issued-cards.retry-delay must be positive and"
                    + " max-retry-delay at least retry-delay");
        }
    }

    /** The delay before the next attempt after {@code failures} failed attempts in a row (1 or more). */
    Duration delayAfter(int failures) {
        Duration delay = retryDelay;
        for (int i = 1; i < failures && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
