package org.chemoadvisor.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Answers a refused request of the resource-server chain ({@code /fhir/**}, {@code /feedback/report}, the
 * actuator) in this service's own words. Spring Security's entry point puts the exception's message in
 * {@code WWW-Authenticate}: the token library's text, which can quote claim values ("Jwt expired at ..."), and
 * sends no body. Here the header says only which of a few things was wrong, and the body says the same: an
 * OperationOutcome on {@code /fhir}, {@code {"error","message"}} elsewhere.
 */
final class ResourceServerRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** What the caller is told: status, RFC 6750 error code (none when no token was sent), FHIR issue code. */
    record Refusal(int status, String bearerError, String issueCode, String description) {
    }

    static final Refusal NO_TOKEN = new Refusal(401, null, "login", "This request needs a bearer access token");
    static final Refusal BAD_TOKEN = new Refusal(401, OAuth2ErrorCodes.INVALID_TOKEN, "login",
            "The access token is invalid or expired");
    static final Refusal TWO_HEADERS = new Refusal(400, OAuth2ErrorCodes.INVALID_REQUEST, "security",
            "The request carries more than one Authorization header");
    static final Refusal BAD_REQUEST = new Refusal(400, OAuth2ErrorCodes.INVALID_REQUEST, "security",
            "The request does not carry its access token as RFC 6750 describes");
    static final Refusal FORBIDDEN = new Refusal(403, OAuth2ErrorCodes.INSUFFICIENT_SCOPE, "forbidden",
            "The access token does not allow this request");

    private static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

    private final ObjectMapper json;
    private final RequestMatcher fhir = PathPatternRequestMatcher.withDefaults().matcher("/fhir/**");

    ResourceServerRefusals(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        write(request, response, refusalFor(failure));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, FORBIDDEN);
    }

    static Refusal refusalFor(AuthenticationException failure) {
        if (failure instanceof MultipleAuthorizationHeadersException) {
            return TWO_HEADERS;
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            return OAuth2ErrorCodes.INVALID_REQUEST.equals(oauth.getError().getErrorCode()) ? BAD_REQUEST : BAD_TOKEN;
        }
        return NO_TOKEN;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(refusal.status());
        // RFC 6750 3.1: no error code when the request carried no token at all
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, refusal.bearerError() == null ? "Bearer"
                : "Bearer error=\"" + refusal.bearerError() + "\", error_description=\"" + refusal.description() + "\"");
        if (fhir.matches(request)) {
            response.setContentType(FHIR_JSON);
            json.writeValue(response.getOutputStream(), operationOutcome(refusal));
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            String error = refusal.bearerError() == null ? OAuth2ErrorCodes.INVALID_TOKEN : refusal.bearerError();
            json.writeValue(response.getOutputStream(), Map.of("error", error, "message", refusal.description()));
        }
    }

    private static Map<String, Object> operationOutcome(Refusal refusal) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("severity", "error");
        issue.put("code", refusal.issueCode());
        issue.put("diagnostics", refusal.description());
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("resourceType", "OperationOutcome");
        outcome.put("issue", List.of(issue));
        return outcome;
    }
}
