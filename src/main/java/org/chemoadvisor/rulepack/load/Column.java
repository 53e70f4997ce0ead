package org.chemoadvisor.rulepack.load;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * A column a table reader needs, found by its header text rather than its position, so the
 * bundled trimmed layout and the CMS published layout are read by the same code. Header text is
 * compared normalized: lower case, letters and digits only ("Column 1" and "column_1" are both
 * "column1"; "*=in existence prior to 1996" is "inexistencepriorto1996").
 */
record Column(String description, boolean required, Predicate<String> matcher) {

    static Column required(String description, Predicate<String> matcher) {
        return new Column(description, true, matcher);
    }

    static Column optional(String description, Predicate<String> matcher) {
        return new Column(description, false, matcher);
    }

    boolean matches(String normalizedHeader) {
        return !normalizedHeader.isEmpty() && matcher.test(normalizedHeader);
    }

    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Header is exactly one of the forms (normalized). */
    static Predicate<String> is(String... forms) {
        return header -> {
            for (String form : forms) {
                if (header.equals(form)) {
                    return true;
                }
            }
            return false;
        };
    }

    static Predicate<String> startsWith(String prefix) {
        return header -> header.startsWith(prefix);
    }

    /** Header contains every one of the words (normalized). */
    static Predicate<String> containsAll(String... words) {
        return header -> {
            for (String word : words) {
                if (!header.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }
}
