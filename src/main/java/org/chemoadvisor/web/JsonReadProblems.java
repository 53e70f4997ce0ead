package org.chemoadvisor.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the caller is told when JSON could not be read for a reason this service chose: a
 * {@link JsonLimits} limit, or a member named twice in one object (refused: which of the two values
 * counts is up to each parser, and a request must mean one thing). In the service's own words: Jackson's
 * messages name its classes and methods, and quote the input.
 */
public final class JsonReadProblems {

    /** The error code and message for the caller. */
    public record Problem(String error, String message) {
    }

    private static final Pattern MAXIMUM = Pattern.compile("maximum allowed \\((\\d+)");

    private JsonReadProblems() {
    }

    /** The problem found in {@code thrown} or its causes, or empty when it is plain malformed JSON. */
    public static Optional<Problem> of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException e) {
                return Optional.of(new Problem("json_limit_exceeded", limitMessage(e.getOriginalMessage())));
            }
            if (t instanceof JsonParseException e && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Duplicate field ")) {
                return Optional.of(new Problem("malformed_request",
                        "A JSON object in the body has a member named twice; each member may appear once"));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code message} (HAPI's, which quotes Jackson's) says a Jackson read limit was reached;
     * {@link #limitMessage} then says which in this service's words.
     */
    public static boolean namesReadLimit(String message) {
        return message != null && message.contains("StreamReadConstraints");
    }

    /** Jackson's message of a read limit, said in this service's words. */
    public static String limitMessage(String jackson) {
        String text = jackson == null ? "" : jackson;
        Matcher maximum = MAXIMUM.matcher(text);
        String limit = maximum.find() ? maximum.group(1) : null;
        if (text.contains("nesting depth") && limit != null) {
            return "The JSON is nested deeper than " + limit + " levels (chemo.json.max-nesting-depth)";
        }
        if (text.contains("String value length") && limit != null) {
            return "A JSON string is longer than " + limit + " characters (chemo.json.max-string-length)";
        }
        return "The JSON is over a limit of this service (chemo.json.*)";
    }
}
