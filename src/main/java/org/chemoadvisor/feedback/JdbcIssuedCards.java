package org.chemoadvisor.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes issued cards to {@code issued_card}; a card recorded twice keeps its first row. */
@Repository
public class JdbcIssuedCards {

    private static final Logger log = LoggerFactory.getLogger(JdbcIssuedCards.class);
    private static final String INSERT =
            "INSERT INTO issued_card (card_uuid, rule_id, service_id, issued_at) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public JdbcIssuedCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement batch; if a card is already there, row by row so the others are still written. */
    public void insert(List<IssuedCard> cards) {
        Map<String, IssuedCard> byUuid = new LinkedHashMap<>();
        cards.forEach(card -> byUuid.putIfAbsent(card.cardUuid(), card));
        List<Object[]> rows = new ArrayList<>(byUuid.size());
        byUuid.values().forEach(card -> rows.add(row(card)));
        try {
            jdbc.batchUpdate(INSERT, rows);
        } catch (DuplicateKeyException e) {
            // Rare (uuids are random): drivers differ in what a failed batch left written, so redo it row by row.
            rows.forEach(this::insertUnlessPresent);
        }
    }

    private void insertUnlessPresent(Object[] row) {
        try {
            jdbc.update(INSERT, row);
        } catch (DuplicateKeyException e) {
            log.debug("Card {} was already recorded", row[0]);
        }
    }

    private static Object[] row(IssuedCard card) {
        return new Object[] {card.cardUuid(), card.ruleId(), card.serviceId(),
                OffsetDateTime.ofInstant(card.issuedAt(), ZoneOffset.UTC)};
    }
}
