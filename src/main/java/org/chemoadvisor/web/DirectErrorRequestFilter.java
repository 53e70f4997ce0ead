package org.chemoadvisor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error path ({@code server.error.path}, {@code /error}) is where the container forwards a failed request to
 * have its JSON error body written. Requested directly it has no error to show, and Spring Boot's error
 * controller, finding no status, answered 500. Mapped to that path for REQUEST dispatches only, this answers 404
 * instead; the container's ERROR dispatches pass as before.
 */
public class DirectErrorRequestFilter extends OncePerRequestFilter {

    private static final byte[] BODY = "{\"error\":\"not_found\",\"message\":\"No such resource\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
