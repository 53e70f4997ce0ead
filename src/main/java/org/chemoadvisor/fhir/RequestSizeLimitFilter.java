package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.chemoadvisor.web.SizeLimitedRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured size before HAPI parses them: at once when the
 * Content-Length says so, and while reading when the body is chunked (HAPI then renders the
 * {@link PayloadTooLargeException} as a 413 OperationOutcome).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final FhirContext fhirContext;
    private final long maxBytes;

    RequestSizeLimitFilter(FhirContext fhirContext, long maxBytes) {
        this.fhirContext = fhirContext;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            writeTooLarge(response);
            return;
        }
        chain.doFilter(new SizeLimitedRequest(request, maxBytes, () -> new PayloadTooLargeException(message())), response);
    }

    private String message() {
        return "Request body is larger than the limit of " + maxBytes + " bytes (chemo.fhir.max-request-size)";
    }

    private void writeTooLarge(HttpServletResponse response) throws IOException {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.TOOLONG)
                .setDiagnostics(message());
        byte[] body = fhirContext.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
        response.setStatus(PayloadTooLargeException.STATUS_CODE);
        response.setContentType(Constants.CT_FHIR_JSON_NEW + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
