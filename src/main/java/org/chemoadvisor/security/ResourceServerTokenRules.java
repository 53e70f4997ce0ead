package org.chemoadvisor.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import org.chemoadvisor.security.cds.CriticalHeader;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * What a /fhir, /feedback/report or actuator token must have beyond what Spring Boot's decoder checks (signature,
 * {@code exp}/{@code nbf} when present, {@code iss} with issuer-uri, {@code aud} when
 * {@code spring.security.oauth2.resourceserver.jwt.audiences} is set): an {@code exp} (Spring's timestamp check
 * passes a token without one, which would never expire), and no {@code crit} header ({@link CriticalHeader}).
 * Wraps whichever decoder is configured, Spring Boot's or an application's own.
 */
final class ResourceServerTokenRules implements JwtDecoder {

    private final JwtDecoder delegate;

    ResourceServerTokenRules(JwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() == null) {
            throw new BadJwtException("missing exp");
        }
        CriticalHeader.refusal(header(token)).ifPresent(reason -> {
            throw new BadJwtException(reason);
        });
        return jwt;
    }

    private static JWSHeader header(String token) {
        int dot = token.indexOf('.');
        try {
            return JWSHeader.parse(new Base64URL(dot < 0 ? token : token.substring(0, dot)));
        } catch (ParseException e) {
            throw new BadJwtException("malformed header");
        }
    }
}
