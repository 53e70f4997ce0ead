package org.chemoadvisor.security.cds;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;

/**
 * Verifies a CDS client's bearer JWT (CDS Hooks 2.0 "Trusting CDS Clients") with Nimbus JOSE:
 * asymmetric signature by a key of the registered issuer, no {@code crit} header ({@link CriticalHeader}),
 * the claims of {@link CdsClaimsVerifier}, then a {@code jti} never seen before. Every refusal is a {@link CdsTokenRejectedException} with
 * a short reason.
 */
public final class CdsClientTokenVerifier {

    private final CdsClientRegistry clients;
    private final ReplayCache replayCache;
    private final CdsClaimsVerifier claimsVerifier;
    private final DefaultJWTProcessor<CdsTokenContext> processor = new DefaultJWTProcessor<>();

    public CdsClientTokenVerifier(CdsClientRegistry clients, ReplayCache replayCache, CdsSecurityProperties settings,
            Clock clock) {
        this.clients = clients;
        this.replayCache = replayCache;
        this.claimsVerifier = new CdsClaimsVerifier(clock, settings.clockSkew(), settings.maxTokenLifetime());
        processor.setJWSKeySelector(CdsClientTokenVerifier::keysOrReject);
        processor.setJWTClaimsSetVerifier(claimsVerifier);
        processor.setJWSVerifierFactory(new SignatureVerifiers());
    }

    /** The verified claims of {@code token}, presented at the endpoint whose URL is {@code audience}. */
    public JWTClaimsSet verify(String token, String audience) {
        SignedJWT jwt = signed(token);
        JWSHeader header = jwt.getHeader();
        String issuer = claimedIssuer(jwt);
        CdsClient client = clients.find(issuer).orElseThrow(() -> reject("unknown issuer", issuer));
        if (!client.algorithms().contains(header.getAlgorithm())) {
            throw reject("algorithm not allowed", issuer);
        }
        if (header.getKeyID() == null) {
            throw reject("missing kid", issuer);
        }
        CriticalHeader.refusal(header).ifPresent(reason -> {
            throw reject(reason, issuer);
        });
        String jku = header.getJWKURL() == null ? null : header.getJWKURL().toString();
        var keys = client.keysFor(jku).orElseThrow(() -> reject(jku == null ? "no jwks-uri for issuer"
                : "jku not allowlisted", issuer));
        JWTClaimsSet claims = process(jwt, new CdsTokenContext(client, keys, audience), issuer);
        switch (replayCache.use(issuer, claims.getJWTID(), claimsVerifier.forgetAt(claims))) {
            case REPLAYED -> throw reject("replayed jti", issuer);
            case FULL -> throw reject("replay cache full", issuer);
            default -> { }
        }
        return claims;
    }

    private JWTClaimsSet process(SignedJWT jwt, CdsTokenContext context, String issuer) {
        try {
            return processor.process(jwt, context);
        } catch (CdsClaimsVerifier.ClaimRejected e) {
            throw reject(e.getMessage(), issuer);
        } catch (BadJWSException e) {
            throw reject("bad signature", issuer);
        } catch (NoMatchingKey | com.nimbusds.jose.jwk.source.RateLimitReachedException e) {
            throw reject("unknown kid", issuer);
        } catch (KeySourceException e) {
            throw reject("signing keys unavailable", issuer);
        } catch (BadJOSEException | JOSEException e) {
            throw reject("malformed token", issuer);
        }
    }

    private static SignedJWT signed(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw reject("malformed token", null);
        }
        if (jwt instanceof SignedJWT signed) {
            JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
            if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                throw reject("algorithm not allowed", null);
            }
            return signed;
        }
        String alg = jwt.getHeader().getAlgorithm() == null ? "" : jwt.getHeader().getAlgorithm().getName();
        throw reject("none".equals(alg) ? "unsigned token (alg none)" : "encrypted tokens not supported", null);
    }

    private static String claimedIssuer(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw reject("malformed token", null);
        }
    }

    private static List<? extends Key> keysOrReject(JWSHeader header, CdsTokenContext context)
            throws KeySourceException {
        List<? extends Key> keys = context.keys().selectJWSKeys(header, context);
        if (keys.isEmpty()) {
            throw new NoMatchingKey();
        }
        return keys;
    }

    private static CdsTokenRejectedException reject(String reason, String issuer) {
        return new CdsTokenRejectedException(reason, issuer);
    }

    /** No key of the client's key set has the token's {@code kid} (and algorithm), even after a refresh. */
    private static final class NoMatchingKey extends KeySourceException {
        NoMatchingKey() {
            super("no key matches the token's kid");
        }
    }
}
