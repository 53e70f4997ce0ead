package org.chemoadvisor.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/** The request carried more than one {@code Authorization} header ({@link AuthorizationHeaderCheck}). */
public final class MultipleAuthorizationHeadersException extends OAuth2AuthenticationException {

    /** The reason a CDS client is given, in the words of its other refusals. */
    public static final String REASON = "more than one Authorization header";

    MultipleAuthorizationHeadersException() {
        super(BearerTokenErrors.invalidRequest(REASON), REASON);
    }
}
