package org.chemoadvisor.feedback;

import java.time.Instant;
import java.util.List;

/**
 * How each rule's cards fared: cards issued, cards accepted, cards overridden (each card counted
 * once per outcome however often a client reported it), and the most frequent override reasons.
 * {@code since} is null when the report covers all time.
 */
public record FeedbackReport(Instant since, List<RuleSummary> rules) {

    /** Cards whose rule is not known (feedback for a card this service never recorded). */
    public static final String UNKNOWN_RULE = "unknown";

    public record RuleSummary(String ruleId, long issued, long accepted, long overridden,
            List<ReasonCount> topOverrideReasons) {
    }

    /** {@code display}: the client's, else that of our own reason code, else the code. */
    public record ReasonCount(String system, String code, String display, long count) {
    }
}
