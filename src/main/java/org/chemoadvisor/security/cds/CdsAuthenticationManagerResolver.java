package org.chemoadvisor.security.cds;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Hands Spring Security's bearer-token filter an authentication manager bound to the request, so
 * the token's audience is checked against the URL actually called.
 */
public final class CdsAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

    private final CdsClientTokenVerifier verifier;
    private final CdsAudience audience;

    public CdsAuthenticationManagerResolver(CdsClientTokenVerifier verifier, String publicBaseUrl) {
        this.verifier = verifier;
        this.audience = new CdsAudience(publicBaseUrl);
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String expectedAudience = audience.of(request);
        return authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            JWTClaimsSet claims = verifier.verify(token, expectedAudience);
            return new CdsClientAuthentication(claims.getIssuer(), claims.getSubject());
        };
    }
}
