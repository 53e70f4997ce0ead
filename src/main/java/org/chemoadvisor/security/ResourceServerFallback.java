package org.chemoadvisor.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Security is on but no resource-server key is configured: refuse every bearer token rather than open up. */
final class ResourceServerFallback {

    private static final Logger log = LoggerFactory.getLogger(ResourceServerFallback.class);

    private ResourceServerFallback() {
    }

    static JwtDecoder refuseAll() {
        log.warn("No OAuth2 resource-server key configured: /fhir, /feedback/report and the actuator (except"
                + " health) refuse every request with 401. Set spring.security.oauth2.resourceserver.jwt.issuer-uri,"
                + " jwk-set-uri or public-key-location (see the README's Security section).");
        return token -> {
            throw new BadJwtException("No resource-server key is configured");
        };
    }
}
