package org.chemoadvisor.claim;

/**
 * The Claim is well-formed FHIR but cannot be checked (no items, a quantity that is not a whole
 * number of at least 1). {@code expression} names the element at fault.
 */
public class UnusableClaimException extends RuntimeException {

    private final String expression;

    public UnusableClaimException(String message, String expression) {
        super(message);
        this.expression = expression;
    }

    public String expression() {
        return expression;
    }
}
