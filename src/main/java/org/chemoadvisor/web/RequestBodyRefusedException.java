package org.chemoadvisor.web;

/** A request body was refused while it was read (too large, too slow, undecodable); see {@link BodyRefusal}. */
public class RequestBodyRefusedException extends RuntimeException {

    private final BodyRefusal refusal;

    public RequestBodyRefusedException(BodyRefusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public BodyRefusal refusal() {
        return refusal;
    }

    /** This exception, found in the cause chain of what a JSON reader threw, or null. */
    public static RequestBodyRefusedException in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyRefusedException refused) {
                return refused;
            }
        }
        return null;
    }
}
