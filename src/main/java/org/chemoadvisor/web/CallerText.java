package org.chemoadvisor.web;

/**
 * A value the caller sent, fit to be quoted back in an answer: at most {@value #LONGEST} characters
 * and no control characters. Never for logs: a log line names what was wrong, not what was sent.
 */
public final class CallerText {

    /** The longest stretch of caller text an answer quotes back. */
    public static final int LONGEST = 64;

    private CallerText() {
    }

    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(LONGEST + 1L)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > LONGEST ? printable.substring(0, LONGEST) + "..." : printable;
    }
}
