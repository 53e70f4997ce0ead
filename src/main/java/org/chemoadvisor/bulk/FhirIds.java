package org.chemoadvisor.bulk;

/**
 * FHIR ids ({@code [A-Za-z0-9\-.]{1,64}}) and relative references ({@code Type/id}) as the common export
 * shape has them, checked a character at a time: a claim line has several, and a regular expression's
 * matcher per value was a twentieth of the reading thread's time.
 */
final class FhirIds {

    private static final int MAX_ID_LENGTH = 64;

    private FhirIds() {
    }

    static boolean isId(String value) {
        return isId(value, 0);
    }

    /** {@code ResourceType/id}: letters, one slash, a FHIR id. */
    static boolean isRelativeReference(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        for (int i = 0; i < slash; i++) {
            if (!isAsciiLetter(value.charAt(i))) {
                return false;
            }
        }
        return isId(value, slash + 1);
    }

    private static boolean isId(String value, int from) {
        int length = value.length() - from;
        if (length < 1 || length > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
