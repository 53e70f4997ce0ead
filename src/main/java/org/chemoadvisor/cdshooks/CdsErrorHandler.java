package org.chemoadvisor.cdshooks;

import org.chemoadvisor.cdshooks.api.ErrorBody;
import java.util.Optional;
import org.chemoadvisor.web.ErrorOrigin;
import org.chemoadvisor.web.JsonReadProblems;
import org.chemoadvisor.web.RequestBodyRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure of a CDS Hooks call is a JSON {@code {"error", "message"}}; no stack trace leaves the service. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = CdsServicesController.class)
class CdsErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(CdsErrorHandler.class);

    @ExceptionHandler(CdsHooksException.class)
    ResponseEntity<ErrorBody> cdsHooks(CdsHooksException e) {
        return body(e.status(), new ErrorBody(e.error(), e.getMessage(), e.missing()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        RequestBodyRefusedException refused = RequestBodyRefusedException.in(e);
        if (refused != null) {
            return refused(refused);
        }
        Optional<JsonReadProblems.Problem> problem = JsonReadProblems.of(e);
        if (problem.isPresent()) {
            return body(HttpStatus.BAD_REQUEST, new ErrorBody(problem.get().error(), problem.get().message()));
        }
        // Jackson's message quotes the input; say only what kind of problem it is.
        return body(HttpStatus.BAD_REQUEST, new ErrorBody("malformed_request",
                "The request body is not a CDS Hooks request in valid JSON (hook, hookInstance, context, ...)"));
    }

    @ExceptionHandler(HttpMessageConversionException.class)
    ResponseEntity<ErrorBody> unconvertible(HttpMessageConversionException e) {
        // Jackson could read the JSON but not bind it (a shape its binder refuses): still the body's fault.
        log.warn("CDS Hooks request body could not be bound: {}", ErrorOrigin.describe(e));
        return body(HttpStatus.BAD_REQUEST, new ErrorBody("malformed_request",
                "The request body is not a CDS Hooks request in valid JSON (hook, hookInstance, context, ...)"));
    }

    @ExceptionHandler(RequestBodyRefusedException.class)
    ResponseEntity<ErrorBody> refused(RequestBodyRefusedException e) {
        return body(HttpStatus.valueOf(e.refusal().status()), new ErrorBody(e.refusal().error(), e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ErrorBody("unsupported_media_type",
                "Send the request as application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return body(HttpStatus.NOT_ACCEPTABLE, new ErrorBody("not_acceptable", "This service answers application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, new ErrorBody("method_not_allowed",
                "Use GET /cds-services for discovery and POST /cds-services/{id} to call a service"));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ErrorBody> unexpected(RuntimeException e) {
        // The message may quote request content (patient data): log where, not what.
        log.error("CDS Hooks call failed: {}", ErrorOrigin.describe(e));
        return body(HttpStatus.INTERNAL_SERVER_ERROR, new ErrorBody("internal_error",
                "The service could not process this request"));
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, ErrorBody body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
