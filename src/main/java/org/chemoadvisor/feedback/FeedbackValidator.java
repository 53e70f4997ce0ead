package org.chemoadvisor.feedback;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.cdshooks.cards.OverrideReasons;
import org.chemoadvisor.feedback.FeedbackRequest.AcceptedSuggestion;
import org.chemoadvisor.feedback.FeedbackRequest.Entry;
import org.chemoadvisor.feedback.FeedbackRequest.OverrideReason;
import org.chemoadvisor.feedback.FeedbackRequest.ReasonCoding;

/**
 * Checks a feedback body against CDS Hooks 2.0: {@code card}, {@code outcome} and
 * {@code outcomeTimestamp} are required; {@code acceptedSuggestions} is required with, and only
 * allowed with, {@code accepted}; {@code overrideReason} only with {@code overridden}. Lengths are
 * capped at the column sizes so that nothing valid here can fail in the database.
 */
final class FeedbackValidator {

    static final int MAX_ID = 100;
    static final int MAX_SYSTEM = 255;
    static final int MAX_DISPLAY = 255;
    static final int MAX_COMMENT = 4000;
    static final int MAX_ENTRIES = 1000;

    private FeedbackValidator() {
    }

    static List<ReceivedFeedback> validate(String serviceId, FeedbackRequest request) {
        if (request == null || request.feedback() == null) {
            throw new InvalidFeedbackException("The body must be an object with a 'feedback' array");
        }
        if (request.feedback().isEmpty() || request.feedback().size() > MAX_ENTRIES) {
            throw new InvalidFeedbackException("'feedback' must hold between 1 and " + MAX_ENTRIES + " entries");
        }
        List<ReceivedFeedback> received = new ArrayList<>();
        for (int i = 0; i < request.feedback().size(); i++) {
            received.add(entry(serviceId, request.feedback().get(i), "feedback[" + i + "]"));
        }
        return received;
    }

    private static ReceivedFeedback entry(String serviceId, Entry entry, String at) {
        if (entry == null) {
            throw new InvalidFeedbackException(at + " must be an object");
        }
        String card = required(entry.card(), at + ".card", MAX_ID);
        Outcome outcome = Outcome.fromCode(entry.outcome()).orElseThrow(() -> new InvalidFeedbackException(
                at + ".outcome must be 'accepted' or 'overridden'"));
        OffsetDateTime timestamp = timestamp(entry.outcomeTimestamp(), at + ".outcomeTimestamp");
        List<String> suggestions = suggestions(entry, outcome, at);
        OverrideReason override = entry.overrideReason();
        if (override != null && outcome != Outcome.OVERRIDDEN) {
            throw new InvalidFeedbackException(at + ".overrideReason is only allowed with outcome 'overridden'");
        }
        ReasonCoding reason = override == null ? null : override.reason();
        if (reason != null) {
            required(reason.code(), at + ".overrideReason.reason.code", MAX_ID);
            optional(reason.system(), at + ".overrideReason.reason.system", MAX_SYSTEM);
            optional(reason.display(), at + ".overrideReason.reason.display", MAX_DISPLAY);
        }
        String comment = override == null ? null : override.userComment();
        optional(comment, at + ".overrideReason.userComment", MAX_COMMENT);
        return new ReceivedFeedback(card, serviceId, outcome, suggestions,
                reason == null ? null : reason.code(), reason == null ? null : reason.system(),
                reason == null ? null : displayOf(reason), comment, timestamp.toInstant());
    }

    private static String displayOf(ReasonCoding reason) {
        if (reason.display() != null && !reason.display().isBlank()) {
            return reason.display();
        }
        return OverrideReasons.display(reason.system(), reason.code()).orElse(null);
    }

    private static List<String> suggestions(Entry entry, Outcome outcome, String at) {
        List<AcceptedSuggestion> accepted = entry.acceptedSuggestions();
        if (outcome == Outcome.OVERRIDDEN) {
            if (accepted != null) {
                throw new InvalidFeedbackException(at + ".acceptedSuggestions is only allowed with outcome 'accepted'");
            }
            return List.of();
        }
        if (accepted == null || accepted.isEmpty()) {
            throw new InvalidFeedbackException(at + ".acceptedSuggestions is required with outcome 'accepted'");
        }
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < accepted.size(); j++) {
            String path = at + ".acceptedSuggestions[" + j + "].id";
            String id = required(accepted.get(j) == null ? null : accepted.get(j).id(), path, MAX_ID);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static OffsetDateTime timestamp(String value, String at) {
        required(value, at, MAX_ID);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFeedbackException(at + " must be an ISO 8601 date-time with offset, e.g. 2021-12-11T10:05:31Z");
        }
    }

    private static String required(String value, String at, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFeedbackException(at + " is required");
        }
        return optional(value, at, maxLength);
    }

    private static String optional(String value, String at, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidFeedbackException(at + " is longer than " + maxLength + " characters");
        }
        return value;
    }
}
