package org.chemoadvisor.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request-body policy shared by every endpoint, each answering in its own error format:
 * an unsupported Content-Encoding gets 415 and a declared Content-Length over the limit 413 at
 * once, before anything is read; every other body is read through {@link BoundedBodyRequest}.
 */
public abstract class BodyPolicyFilter extends OncePerRequestFilter {

    private final BodyLimits limits;

    protected BodyPolicyFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (refusesFormBodies(request) && isFormBody(request)) {
            writeRefusal(response, BodyRefusal.FORM_BODY, formBodyMessage());
            return;
        }
        BodyEncoding encoding = BodyEncoding.of(request);
        if (encoding == BodyEncoding.UNSUPPORTED) {
            writeRefusal(response, BodyRefusal.UNSUPPORTED_ENCODING, BodyEncoding.unsupportedMessage());
            return;
        }
        if (encoding == BodyEncoding.IDENTITY && request.getContentLengthLong() > limits.maxBytes()) {
            writeRefusal(response, BodyRefusal.TOO_LARGE, limits.tooLargeMessage());
            return;
        }
        chain.doFilter(new BoundedBodyRequest(request, limits, encoding == BodyEncoding.GZIP, this::exception), response);
    }

    /**
     * True when this endpoint takes no form bodies on this request. A form body's parameters are parsed
     * (and checked by the firewall) the first time anything asks for a parameter, long before the
     * resource is read: refused here, with a clear 415, instead of failing there.
     */
    protected boolean refusesFormBodies(HttpServletRequest request) {
        return false;
    }

    protected String formBodyMessage() {
        return "Send the body as application/json, not as a form or a wildcard type (curl -d sends "
                + "application/x-www-form-urlencoded: add -H 'Content-Type: application/json')";
    }

    private static boolean isFormBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        // A wildcard (*/*, application/*) names no type to read the body as; Spring refuses it with a
        // plain IllegalArgumentException deep in the handler, so it is refused here with the form.
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data")
                || lower.contains("*");
    }

    /** The exception this endpoint's error handling answers with the refusal's status. */
    protected abstract RuntimeException exception(BodyRefusal refusal, String message);

    /** Writes the refusal in this endpoint's error format. */
    protected abstract void writeRefusal(HttpServletResponse response, BodyRefusal refusal, String message)
            throws IOException;
}
