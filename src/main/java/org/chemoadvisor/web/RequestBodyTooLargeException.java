package org.chemoadvisor.web;

/** A request body went past its size limit while being read; answered with 413. */
public class RequestBodyTooLargeException extends RuntimeException {

    public RequestBodyTooLargeException(String message) {
        super(message);
    }

    /** This exception, found in the cause chain of what a JSON reader threw, or null. */
    public static RequestBodyTooLargeException in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
