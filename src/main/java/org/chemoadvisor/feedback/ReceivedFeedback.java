package org.chemoadvisor.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One validated feedback entry, ready to store. The override reason fields are null when the
 * client gave none; {@code userComment} may hold patient data and must never be logged.
 */
public record ReceivedFeedback(String cardUuid, String serviceId, Outcome outcome, List<String> acceptedSuggestionIds,
        String reasonCode, String reasonSystem, String reasonDisplay, String userComment, Instant outcomeTimestamp) {

    public ReceivedFeedback {
        acceptedSuggestionIds = List.copyOf(acceptedSuggestionIds);
    }

    @Override
    public String toString() {
        return "ReceivedFeedback[card=" + cardUuid + ", service=" + serviceId + ", outcome=" + outcome.code()
                + ", reason=" + reasonCode + "]";
    }
}
