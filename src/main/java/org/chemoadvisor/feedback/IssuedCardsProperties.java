package org.chemoadvisor.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chemo.feedback.issued-cards}: issued cards wait in a bounded queue for the background
 * writer; {@code queue-capacity} cards at most (beyond it new cards are dropped and counted, so a
 * slow store never slows the advice), written {@code batch-size} per statement batch.
 */
@ConfigurationProperties("chemo.feedback.issued-cards")
public record IssuedCardsProperties(@DefaultValue("10000") int queueCapacity, @DefaultValue("500") int batchSize) {

    public IssuedCardsProperties {
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("chemo.feedback.issued-cards.queue-capacity and batch-size must be at least 1");
        }
    }
}
