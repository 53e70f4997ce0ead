package org.chemoadvisor.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Keys generated once per test run, their public halves written to temporary files (JWKS and
 * PEM) for the file: settings, and helpers to sign tokens with them.
 */
public final class TestKeys {

    public static final String EHR = "https://ehr.test";
    public static final String TENANT_EHR = "https://tenant-ehr.test";

    public static final ECKey EC_P384 = ec(Curve.P_384, "ehr-es384");
    public static final ECKey EC_P256 = ec(Curve.P_256, "ehr-es256");
    public static final RSAKey RSA = rsa("ehr-rsa");
    /** Same kid as {@link #EC_P384}, different key: its signatures must not verify. */
    public static final ECKey IMPOSTOR = ec(Curve.P_384, "ehr-es384");
    public static final ECKey UNLISTED = ec(Curve.P_384, "not-in-jwks");
    public static final ECKey JKU_KEY = ec(Curve.P_384, "jku-es384");
    /** The /fhir resource server's signing key (RS256, as Spring Boot's public-key-location expects). */
    public static final RSAKey FHIR_RSA = rsa("fhir-rs256");

    private static final Path DIR = tempDir();
    public static final Path JWKS = write("ehr-jwks.json", new JWKSet(List.of(EC_P384, EC_P256, RSA)).toString());
    public static final Path JKU_JWKS = write("jku-jwks.json", new JWKSet(JKU_KEY).toString());
    public static final Path FHIR_PUBLIC_KEY = write("fhir-public-key.pem", pem(FHIR_RSA));

    private TestKeys() {
    }

    /** Claims a CDS client sends: this issuer, this audience, issued now, valid one minute, a fresh jti. */
    public static JWTClaimsSet.Builder claims(String issuer, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("ehr-client").audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(1))))
                .jwtID(UUID.randomUUID().toString());
    }

    public static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        return sign(key, algorithm, claims, header -> header);
    }

    public static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims,
            UnaryOperator<JWSHeader.Builder> header) {
        SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())).build(),
                claims);
        try {
            jwt.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * A token whose JOSE header is exactly {@code headerJson}, signed by {@code key}: for headers Nimbus's builder
     * will not write, such as an empty {@code crit} list.
     */
    public static String signWithHeader(JWK key, String headerJson, JWTClaimsSet claims) {
        Base64URL header = Base64URL.encode(headerJson);
        Base64URL payload = Base64URL.encode(claims.toString());
        byte[] signingInput = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
        try {
            Base64URL signature = signer(key).sign(JWSHeader.parse(header), signingInput);
            return header + "." + payload + "." + signature;
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner signer(JWK key) {
        try {
            return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signHs256(JWTClaimsSet claims) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ehr-es384").build(), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static String uri(Path file) {
        return file.toUri().toString();
    }

    private static ECKey ec(Curve curve, String kid) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(RSAKey key) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("chemo-security-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, String content) {
        try {
            Path file = Files.writeString(DIR.resolve(name), content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
