package org.chemoadvisor.feedback;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.chemoadvisor.web.ErrorOrigin;
import org.chemoadvisor.web.JsonReadProblems;
import org.chemoadvisor.web.RequestBodyRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure of a feedback call is a JSON {@code {"error", "message"}}; no stack trace leaves the service. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = FeedbackController.class)
class FeedbackErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FeedbackErrorHandler.class);
    /** Retry-After of a 503: about the longest the issued-cards writer waits between its own attempts. */
    static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(30);

    private final ThrottledWarning storeWarning = new ThrottledWarning(Duration.ofMinutes(1));

    @ExceptionHandler(UnknownServiceException.class)
    ResponseEntity<FeedbackError> unknownService(UnknownServiceException e) {
        return body(HttpStatus.NOT_FOUND, "unknown_service", e.getMessage());
    }

    @ExceptionHandler(InvalidFeedbackException.class)
    ResponseEntity<FeedbackError> invalid(InvalidFeedbackException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid_feedback", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<FeedbackError> unreadable(HttpMessageNotReadableException e) {
        RequestBodyRefusedException refused = RequestBodyRefusedException.in(e);
        if (refused != null) {
            return refused(refused);
        }
        Optional<JsonReadProblems.Problem> problem = JsonReadProblems.of(e);
        if (problem.isPresent()) {
            return body(HttpStatus.BAD_REQUEST, problem.get().error(), problem.get().message());
        }
        // Jackson's message quotes the input, which may hold a user comment: name the kind of problem only.
        return body(HttpStatus.BAD_REQUEST, "malformed_request",
                "The body is not valid JSON of the CDS Hooks feedback shape {\"feedback\": [...]}");
    }

    @ExceptionHandler(HttpMessageConversionException.class)
    ResponseEntity<FeedbackError> unconvertible(HttpMessageConversionException e) {
        // Jackson could read the JSON but not bind it (a shape its binder refuses): still the body's fault.
        log.warn("Feedback body could not be bound: {}", ErrorOrigin.describe(e));
        return body(HttpStatus.BAD_REQUEST, "malformed_request",
                "The body is not valid JSON of the CDS Hooks feedback shape {\"feedback\": [...]}");
    }

    @ExceptionHandler(RequestBodyRefusedException.class)
    ResponseEntity<FeedbackError> refused(RequestBodyRefusedException e) {
        return body(HttpStatus.valueOf(e.refusal().status()), e.refusal().error(), e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<FeedbackError> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send the feedback as application/json");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<FeedbackError> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        // Spring refuses to read a body whose Content-Type is a wildcard (*/*, application/*) with a
        // plain IllegalArgumentException; for the caller that is an unsupported media type.
        String contentType = request.getContentType();
        if (contentType != null && contentType.contains("*")) {
            return mediaType(null);
        }
        log.error("Feedback call failed: {}", ErrorOrigin.describe(e));
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "The service could not process this request");
    }

    /**
     * The store failed (database down, no connection within the pool's timeout, lost mid-way): 503
     * with Retry-After, never a 500. A transaction that cannot begin fails with a
     * {@link TransactionException}, not a {@link DataAccessException}. Warned about at most once a
     * minute, naming the kind of failure only: SQL messages can quote the values bound.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<FeedbackError> store(RuntimeException e) {
        long failures = storeWarning.occurred(1);
        if (failures > 0) {
            log.warn("Feedback store unavailable: {} feedback calls answered 503 since the last warning, latest {}",
                    failures, e.getClass().getName());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(STORE_RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(new FeedbackError("store_unavailable", "The feedback store is unavailable; try again later"));
    }

    private static ResponseEntity<FeedbackError> body(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new FeedbackError(error, message));
    }
}
