package org.chemoadvisor.feedback;

import java.util.List;

/**
 * The body of {@code POST /cds-services/{id}/feedback} as CDS Hooks 2.0 defines it: an object
 * holding an array of feedback entries. Unknown members (e.g. {@code extension}) are ignored.
 */
public record FeedbackRequest(List<Entry> feedback) {

    public record Entry(String card, String outcome, List<AcceptedSuggestion> acceptedSuggestions,
            OverrideReason overrideReason, String outcomeTimestamp) {
    }

    public record AcceptedSuggestion(String id) {
    }

    /** {@code userComment} is the clinician's free text: it may hold patient data, so it is stored but never logged. */
    public record OverrideReason(ReasonCoding reason, String userComment) {

        @Override
        public String toString() {
            return "OverrideReason[reason=" + reason + ", userComment=" + (userComment == null ? "absent" : "present") + "]";
        }
    }

    public record ReasonCoding(String code, String system, String display) {
    }
}
