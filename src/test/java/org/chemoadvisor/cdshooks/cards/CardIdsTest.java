package org.chemoadvisor.cdshooks.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Card ids are version 7 UUIDs: the issue time first, so that they sort as they were issued, then random bits. */
class CardIdsTest {

    private static final long ISSUED = Instant.parse("2026-12-07T21:30:00.123Z").toEpochMilli();

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        UUID id = UUID.fromString(CardIds.next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).as("RFC 9562").isEqualTo(2);
        assertThat(CardIds.next(ISSUED, UUID.randomUUID()).getMostSignificantBits() >>> 16).isEqualTo(ISSUED);
    }

    @Test
    void idsSortAsTheyWereIssued() {
        String earlier = CardIds.next(ISSUED, UUID.randomUUID()).toString();
        String later = CardIds.next(ISSUED + 1, UUID.randomUUID()).toString();
        String muchLater = CardIds.next(ISSUED + 86_400_000L * 365, UUID.randomUUID()).toString();

        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
    }

    @Test
    void theRestIsTheRandomPartOfAVersion4Uuid() {
        UUID random = UUID.fromString("3f2a9c4e-1b7d-4c2e-9a8f-0123456789ab");

        UUID id = CardIds.next(ISSUED, random);

        assertThat(id.getLeastSignificantBits()).isEqualTo(random.getLeastSignificantBits());
        assertThat(id.toString()).endsWith("-7c2e-9a8f-0123456789ab");
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(CardIds.next(ISSUED, UUID.randomUUID()));
        }

        assertThat(ids).hasSize(100_000);
    }
}
