package org.chemoadvisor.web;

/**
 * What a log line may say about an unexpected exception: its class and where it was thrown (the
 * first frame in this service's code), never its message, which can quote request content.
 */
public final class ErrorOrigin {

    private static final String OWN_CODE = "org.chemoadvisor.";

    private ErrorOrigin() {
    }

    public static String describe(Throwable thrown) {
        Throwable root = root(thrown);
        StackTraceElement at = null;
        for (StackTraceElement frame : root.getStackTrace()) {
            if (frame.getClassName().startsWith(OWN_CODE)) {
                at = frame;
                break;
            }
        }
        if (at == null && root.getStackTrace().length > 0) {
            at = root.getStackTrace()[0];
        }
        String type = root == thrown ? thrown.getClass().getName()
                : thrown.getClass().getName() + " caused by " + root.getClass().getName();
        return type + " at " + at;
    }

    /** Whether any frame of {@code thrown} or its causes is in a class whose name starts with {@code prefix}. */
    public static boolean thrownWithin(Throwable thrown, String prefix) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable root(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
