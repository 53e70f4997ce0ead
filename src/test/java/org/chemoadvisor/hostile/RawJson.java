package org.chemoadvisor.hostile;

/** Builds JSON texts no well-behaved client would send, as raw strings (no tree could hold them). */
public final class RawJson {

    private RawJson() {
    }

    /** {@code [[[...]]]} nested {@code depth} levels. */
    public static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** {@code {"a":{"a":...}}} nested {@code depth} levels. */
    public static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    /** A JSON string literal of {@code length} characters. */
    public static String longString(int length) {
        return "\"" + "x".repeat(length) + "\"";
    }

    /** {@code object} (a JSON object text) with one more member {@code name} holding {@code rawValue}. */
    public static String withMember(String object, String name, String rawValue) {
        int brace = object.indexOf('{');
        return object.substring(0, brace + 1) + "\"" + name + "\":" + rawValue + "," + object.substring(brace + 1);
    }
}
