package org.chemoadvisor.feedback;

import java.util.Arrays;
import java.util.Optional;

/** The two outcomes CDS Hooks 2.0 lets a client report for a card. */
public enum Outcome {
    ACCEPTED("accepted"),
    OVERRIDDEN("overridden");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Outcome> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
