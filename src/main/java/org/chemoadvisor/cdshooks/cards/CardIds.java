package org.chemoadvisor.cdshooks.cards;

import java.util.UUID;

/**
 * Card ids: version 7 UUIDs (RFC 9562), the millisecond the card was made followed by 74 random bits, taken
 * from {@link UUID#randomUUID()} (a cryptographic source, as for the random ids before). The feedback store
 * keeps every issued card under its id; ids that grow with time go to the end of its index, where random
 * ones each went to a random page of it. On the embedded H2, with a few hundred thousand cards stored, that
 * was most of the issued-card writer's CPU under load (reading and checking index pages), and PostgreSQL's
 * B-tree gains the same locality. The id says when the card was issued, which the issued-card log records
 * anyway; nothing else about the card or the patient.
 */
final class CardIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long RAND_A = 0x0FFFL;

    private CardIds() {
    }

    static String next() {
        return next(System.currentTimeMillis(), UUID.randomUUID()).toString();
    }

    /**
     * {@code unixMillis} in the top 48 bits, then version 7, then 12 bits of {@code random}'s version-4 random
     * part and its variant and 62 random bits as they are.
     */
    static UUID next(long unixMillis, UUID random) {
        long mostSignificant = (unixMillis << 16) | VERSION_7 | (random.getMostSignificantBits() & RAND_A);
        return new UUID(mostSignificant, random.getLeastSignificantBits());
    }
}
