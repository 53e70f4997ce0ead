package org.chemoadvisor.security.cds;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The claim checks a CDS Hooks client token must pass once its signature is verified: audience =
 * the endpoint called, {@code exp}/{@code iat} within the clock skew, a bounded lifetime, a
 * {@code jti}, and the client's tenant when one is registered. Plugged into Nimbus's processor.
 */
final class CdsClaimsVerifier implements JWTClaimsSetVerifier<CdsTokenContext> {

    /** A failed claim check; its message is the reason given to the caller. */
    static final class ClaimRejected extends BadJWTException {
        ClaimRejected(String reason) {
            super(reason);
        }
    }

    static final String TENANT_CLAIM = "tenant";

    private final Clock clock;
    private final Duration skew;
    private final Duration maxLifetime;

    CdsClaimsVerifier(Clock clock, Duration skew, Duration maxLifetime) {
        this.clock = clock;
        this.skew = skew;
        this.maxLifetime = maxLifetime;
    }

    @Override
    public void verify(JWTClaimsSet claims, CdsTokenContext context) throws BadJWTException {
        if (!context.client().issuer().equals(claims.getIssuer())) {
            throw new ClaimRejected("unknown issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(context.expectedAudience())) {
            throw new ClaimRejected("audience mismatch");
        }
        checkTimes(claims);
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            throw new ClaimRejected("missing jti");
        }
        String tenant = context.client().tenant();
        if (tenant != null && !tenant.equals(stringClaim(claims, TENANT_CLAIM))) {
            throw new ClaimRejected("tenant mismatch");
        }
    }

    private void checkTimes(JWTClaimsSet claims) throws ClaimRejected {
        Instant exp = instant(claims.getExpirationTime(), "missing exp");
        Instant iat = instant(claims.getIssueTime(), "missing iat");
        Instant now = clock.instant();
        if (!exp.plus(skew).isAfter(now)) {
            throw new ClaimRejected("token expired");
        }
        if (iat.minus(skew).isAfter(now)) {
            throw new ClaimRejected("iat in the future");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(skew).isAfter(now)) {
            throw new ClaimRejected("token not yet valid");
        }
        if (Duration.between(iat, exp).compareTo(maxLifetime) > 0) {
            throw new ClaimRejected("lifetime too long");
        }
    }

    /** When the token's {@code jti} may be forgotten: it is refused as expired from then on. */
    Instant forgetAt(JWTClaimsSet claims) {
        return claims.getExpirationTime().toInstant().plus(skew);
    }

    private static Instant instant(Date date, String missing) throws ClaimRejected {
        if (date == null) {
            throw new ClaimRejected(missing);
        }
        return date.toInstant();
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws ClaimRejected {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new ClaimRejected("tenant mismatch");
        }
    }
}
