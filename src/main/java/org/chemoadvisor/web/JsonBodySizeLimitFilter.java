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
 * Refuses JSON request bodies over the limit before they are read into memory: at once (413 with
 * a JSON error) when the Content-Length says so; for a chunked body, reading past the limit
 * throws {@link RequestBodyTooLargeException}, which the API's error handler answers with 413.
 */
public class JsonBodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final String setting;

    public JsonBodySizeLimitFilter(long maxBytes, String setting) {
        this.maxBytes = maxBytes;
        this.setting = setting;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            byte[] body = ("{\"error\":\"request_too_large\",\"message\":\"" + message() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(new SizeLimitedRequest(request, maxBytes, () -> new RequestBodyTooLargeException(message())),
                response);
    }

    private String message() {
        return "Request body is larger than the limit of " + maxBytes + " bytes (" + setting + ")";
    }
}
