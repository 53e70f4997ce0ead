package org.chemoadvisor.security.cds;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * A CDS client token that was refused, with the reason given to the caller and logged, and the
 * issuer it claimed (null when unknown). Never carries the token itself.
 */
public class CdsTokenRejectedException extends OAuth2AuthenticationException {

    private final String reason;
    private final String issuer;

    public CdsTokenRejectedException(String reason, String issuer) {
        super(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null), reason);
        this.reason = reason;
        this.issuer = issuer;
    }

    public String reason() {
        return reason;
    }

    public String issuer() {
        return issuer;
    }
}
