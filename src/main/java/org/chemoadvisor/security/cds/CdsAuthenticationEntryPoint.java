package org.chemoadvisor.security.cds;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chemoadvisor.security.MultipleAuthorizationHeadersException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a refused CDS call: 401, {@code WWW-Authenticate: Bearer} and
 * {@code {"error":"invalid_token","message":"..."}} (the one error shape of /cds-services), and logs one line with the reason and the
 * claimed issuer (never the token). A request with more than one {@code Authorization} header is
 * 400 {@code invalid_request} in the same shape.
 */
public final class CdsAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(CdsAuthenticationEntryPoint.class);
    private static final int MAX_LOGGED_ISSUER = 200;

    private final ObjectMapper json;

    public CdsAuthenticationEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof MultipleAuthorizationHeadersException) {
            // RFC 6750 3.1: a malformed request is 400 invalid_request; no token was looked at
            log.warn("CDS client refused (400): reason={}", MultipleAuthorizationHeadersException.REASON);
            write(response, HttpServletResponse.SC_BAD_REQUEST, "Bearer error=\"invalid_request\"",
                    OAuth2ErrorCodes.INVALID_REQUEST, MultipleAuthorizationHeadersException.REASON);
            return;
        }
        String reason;
        String issuer = null;
        if (failure instanceof CdsTokenRejectedException rejected) {
            reason = rejected.reason();
            issuer = rejected.issuer();
        } else if (failure instanceof OAuth2AuthenticationException) {
            reason = "malformed bearer token";
        } else {
            reason = "missing bearer token";
        }
        log.warn("CDS client refused (401): reason={}, issuer={}", reason, loggable(issuer));
        // RFC 6750 3.1: no error code when the request carried no token at all
        write(response, HttpServletResponse.SC_UNAUTHORIZED,
                failure instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer",
                OAuth2ErrorCodes.INVALID_TOKEN, reason);
    }

    private void write(HttpServletResponse response, int status, String challenge, String error, String reason)
            throws IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", reason);
        json.writeValue(response.getOutputStream(), body);
    }

    /** The issuer is whatever the caller wrote: keep it to one short printable line. */
    static String loggable(String issuer) {
        if (issuer == null) {
            return "-";
        }
        String printable = issuer.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > MAX_LOGGED_ISSUER ? printable.substring(0, MAX_LOGGED_ISSUER) + "..." : printable;
    }
}
