package org.chemoadvisor.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CDS Hooks 2.0 feedback ({@code POST /cds-services/{id}/feedback}) and the override report. The
 * report lives at {@code /feedback/report}, outside {@code /cds-services/}, where any path segment
 * could be a service id.
 */
@RestController
public class FeedbackController {

    private final FeedbackService feedback;

    public FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    // No "consumes"/"produces": a wrong media type then fails inside the handler, where
    // FeedbackErrorHandler turns it into the JSON error body.
    @PostMapping("/cds-services/{id}/feedback")
    public ResponseEntity<Void> receive(@PathVariable("id") String serviceId, @RequestBody FeedbackRequest request) {
        feedback.receive(serviceId, request);
        return ResponseEntity.ok().build();
    }

    @GetMapping("/feedback/report")
    public FeedbackReport report(@RequestParam(name = "since", required = false) String since) {
        return feedback.report(since == null || since.isBlank() ? null : parseSince(since));
    }

    private static Instant parseSince(String since) {
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFeedbackException("'since' must be an ISO 8601 date-time with offset, e.g. 2026-11-01T00:00:00Z");
        }
    }
}
