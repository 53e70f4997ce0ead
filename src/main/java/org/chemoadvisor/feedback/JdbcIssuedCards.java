package org.chemoadvisor.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records issued cards in {@code issued_card}; a card recorded twice keeps its first row. */
@Repository
public class JdbcIssuedCards implements IssuedCards {

    private static final Logger log = LoggerFactory.getLogger(JdbcIssuedCards.class);

    private final JdbcClient jdbc;

    public JdbcIssuedCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(List<IssuedCard> cards) {
        // One statement per card, outside a transaction: a duplicate uuid must not lose the others.
        for (IssuedCard card : cards) {
            try {
                jdbc.sql("""
                        INSERT INTO issued_card (card_uuid, rule_id, service_id, issued_at)
                        VALUES (:card, :rule, :service, :issuedAt)""")
                        .param("card", card.cardUuid())
                        .param("rule", card.ruleId())
                        .param("service", card.serviceId())
                        .param("issuedAt", OffsetDateTime.ofInstant(card.issuedAt(), ZoneOffset.UTC))
                        .update();
            } catch (DuplicateKeyException e) {
                log.debug("Card {} was already recorded", card.cardUuid());
            }
        }
    }
}
