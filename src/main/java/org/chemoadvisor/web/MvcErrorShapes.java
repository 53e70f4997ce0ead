package org.chemoadvisor.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The documented {@code {"error","message"}} body for what Spring MVC refuses before any controller
 * is chosen (a method or media type no mapping takes), so that no JSON endpoint answers in Spring's
 * default error shape. The endpoints' own advice comes first for everything inside a handler.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MvcErrorShapes {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        String allowed = e.getSupportedHttpMethods() == null ? "" : " (allowed: "
                + String.join(", ", e.getSupportedHttpMethods().stream().map(Object::toString).toList()) + ")";
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                "This path does not take " + CallerText.quote(e.getMethod()) + allowed);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send the request as application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, String>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return body(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This endpoint answers application/json");
    }

    private static ResponseEntity<Map<String, String>> body(HttpStatus status, String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
