package org.chemoadvisor.feedback;

/** A feedback body that CDS Hooks 2.0 does not allow; the message names the entry and the field. */
public class InvalidFeedbackException extends RuntimeException {

    public InvalidFeedbackException(String message) {
        super(message);
    }
}
