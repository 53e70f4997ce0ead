package org.chemoadvisor.loadtest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The load test's credentials: an EC P-384 key whose public JWKS the service reads as the CDS client's
 * ({@code cds.security.clients[0].jwks-uri}), and an RSA key whose PEM public key the /fhir resource
 * server reads ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}). Tokens are
 * minted before a phase starts, one per request, so signing is never part of a measured request.
 */
final class Tokens {

    static final String ISSUER = "https://loadtest.example";
    private static final String CDS_KEY = "cds-client-key.json";
    private static final String FHIR_KEY = "fhir-client-key.json";

    /** Signs ECDSA far faster than the JDK 17 provider, so minting a phase's tokens takes seconds, not minutes. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final ECKey cdsKey;
    private final RSAKey fhirKey;

    private Tokens(ECKey cdsKey, RSAKey fhirKey) {
        this.cdsKey = cdsKey;
        this.fhirKey = fhirKey;
    }

    /** Generates both keys; writes jwks.json and fhir-pub.pem (for the service) and the private keys (for minting). */
    static void generate(Path dir) throws JOSEException, IOException {
        ECKey cds = new ECKeyGenerator(Curve.P_384).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES384)
                .keyID("loadtest-es384").generate();
        RSAKey fhir = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyID("loadtest-rs256").generate();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(cds.toPublicJWK()).toString());
        Files.writeString(dir.resolve("fhir-pub.pem"), pem(fhir.toRSAPublicKey().getEncoded()));
        Files.writeString(dir.resolve(CDS_KEY), cds.toJSONString());
        Files.writeString(dir.resolve(FHIR_KEY), fhir.toJSONString());
    }

    static Tokens load(Path dir) {
        try {
            return new Tokens(ECKey.parse(Files.readString(dir.resolve(CDS_KEY))),
                    RSAKey.parse(Files.readString(dir.resolve(FHIR_KEY))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Unreadable key in " + dir, e);
        }
    }

    /** CDS Hooks client JWTs (ES384, aud = the service's URL), one per request. */
    List<String> cds(String audience, int count) {
        return mint(count, i -> cdsToken(audience));
    }

    /** Bearer tokens for /fhir (RS256, aud = the FHIR base URL), one per request. */
    List<String> fhir(String audience, int count) {
        return mint(count, i -> fhirToken(audience));
    }

    /** One CDS Hooks client JWT, minted now (valid for 290 s). */
    String cdsToken(String audience) throws JOSEException {
        ECDSASigner signer = new ECDSASigner(cdsKey);
        signer.getJCAContext().setProvider(BOUNCY_CASTLE);
        return sign(signer, cdsKey.getKeyID(), JWSAlgorithm.ES384, audience);
    }

    /** One /fhir bearer token, minted now (valid for 290 s). */
    String fhirToken(String audience) throws JOSEException {
        return sign(new RSASSASigner(fhirKey), fhirKey.getKeyID(), JWSAlgorithm.RS256, audience);
    }

    private interface Minter {
        String mint(int i) throws JOSEException;
    }

    private static List<String> mint(int count, Minter minter) {
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            try {
                return minter.mint(i);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String sign(com.nimbusds.jose.JWSSigner signer, String keyId, JWSAlgorithm algorithm,
            String audience) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(ISSUER).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(290)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", "system/Claim.read")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String pem(byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
