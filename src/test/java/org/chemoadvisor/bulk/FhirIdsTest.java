package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character checks accept exactly what FHIR's id and a relative reference's expressions accept. */
class FhirIdsTest {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern RELATIVE = Pattern.compile("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
    /** Letters, digits, the id's punctuation, a slash, and characters just outside each range. */
    private static final String ALPHABET = "AZaz09-./_ @[`{:é ";
    private static final String ID_CHARS = "AZaz09-.";

    @Test
    void idsAreWhatTheExpressionAccepts() {
        assertThat(FhirIds.isId("claim-0001.a")).isTrue();
        assertThat(FhirIds.isId("x".repeat(64))).isTrue();
        assertThat(FhirIds.isId("x".repeat(65))).isFalse();
        assertThat(FhirIds.isId("")).isFalse();
        assertThat(FhirIds.isId("has space")).isFalse();
        assertThat(FhirIds.isId("Claim/1")).isFalse();
    }

    @Test
    void relativeReferencesAreWhatTheExpressionAccepts() {
        assertThat(FhirIds.isRelativeReference("Procedure/p-1")).isTrue();
        assertThat(FhirIds.isRelativeReference("/p-1")).isFalse();
        assertThat(FhirIds.isRelativeReference("Procedure/")).isFalse();
        assertThat(FhirIds.isRelativeReference("Procedure/a/b")).isFalse();
        assertThat(FhirIds.isRelativeReference("Proc3dure/p")).isFalse();
        assertThat(FhirIds.isRelativeReference("http://example.org/fhir/Procedure/p")).isFalse();
        assertThat(FhirIds.isRelativeReference("Procedure/" + "x".repeat(65))).isFalse();
    }

    @Test
    void randomStringsAgreeWithTheExpressions() {
        Random random = new Random(7);
        int relative = 0;
        for (int n = 0; n < 50_000; n++) {
            // Half are a type, a slash and an id, with a character changed now and then: near misses.
            String s = n % 2 == 0 ? random(random, ALPHABET, 1 + random.nextInt(n % 10 == 0 ? 80 : 12))
                    : mutated(random, "Procedure/" + random(random, ID_CHARS, 1 + random.nextInt(n % 10 == 1 ? 70 : 10)));
            assertThat(FhirIds.isId(s)).as(s).isEqualTo(ID.matcher(s).matches());
            assertThat(FhirIds.isRelativeReference(s)).as(s).isEqualTo(RELATIVE.matcher(s).matches());
            relative += RELATIVE.matcher(s).matches() ? 1 : 0;
        }
        assertThat(relative).as("relative references among the samples").isBetween(1_000, 24_000);
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    private static String mutated(Random random, String value) {
        if (random.nextBoolean()) {
            return value;
        }
        char[] chars = value.toCharArray();
        chars[random.nextInt(chars.length)] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        return new String(chars);
    }
}
