package org.chemoadvisor.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Files;
import java.security.spec.X509EncodedKeySpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.chemoadvisor.security.cds.CdsClientRegistry;
import org.chemoadvisor.security.cds.CdsClientTokenVerifier;
import org.chemoadvisor.security.cds.CdsSecurityProperties;
import org.chemoadvisor.security.cds.CdsTokenRejectedException;
import org.chemoadvisor.security.cds.ReplayCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of checking one CDS client token: the signature check alone (ES384 with the JDK's SunEC and with
 * BouncyCastle, RS384 with RSA-2048), building a verifier for a key, and the service's whole token check
 * ({@link CdsClientTokenVerifier}: parse, key lookup, signature, claims, replay check). Run with
 * {@code -Djmh.args="TokenVerify"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TokenVerifyBenchmarks {

    private static final String ISSUER = "https://bench.example";
    private static final String AUDIENCE = "https://cds.example/cds-services/chemodenervation-order-sign";

    private ECKey ecKey;
    private SignedJWT es384;
    private SignedJWT rs384;
    private JWSVerifier es384Jdk;
    private JWSVerifier es384Bc;
    private JWSVerifier es384BcNativeKey;
    private JWSVerifier rs384Jdk;
    private JWSVerificationKeySelector<SecurityContext> keySelector;
    private String es384Token;
    private CdsClientTokenVerifier serviceVerifier;

    @Setup
    public void setUp() throws Exception {
        ecKey = new ECKeyGenerator(Curve.P_384).keyID("bench-es384").generate();
        RSAKey rsaKey = new RSAKeyGenerator(2048).keyID("bench-rs384").generate();
        es384 = signed(JWSAlgorithm.ES384, ecKey.getKeyID());
        es384.sign(new ECDSASigner(ecKey));
        rs384 = signed(JWSAlgorithm.RS384, rsaKey.getKeyID());
        rs384.sign(new RSASSASigner(rsaKey));
        es384Jdk = new ECDSAVerifier(ecKey.toECPublicKey());
        ECDSAVerifier bc = new ECDSAVerifier(ecKey.toECPublicKey());
        bc.getJCAContext().setProvider(new BouncyCastleProvider());
        es384Bc = bc;
        BouncyCastleProvider provider = new BouncyCastleProvider();
        ECDSAVerifier bcNative = new ECDSAVerifier((java.security.interfaces.ECPublicKey) java.security.KeyFactory
                .getInstance("EC", provider).generatePublic(new X509EncodedKeySpec(ecKey.toECPublicKey().getEncoded())));
        bcNative.getJCAContext().setProvider(provider);
        es384BcNativeKey = bcNative;
        keySelector = new JWSVerificationKeySelector<>(JWSAlgorithm.ES384,
                new ImmutableJWKSet<>(new JWKSet(List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK()))));
        rs384Jdk = new RSASSAVerifier(rsaKey.toRSAPublicKey());
        es384Token = es384.serialize();

        Path jwks = Files.createTempFile("bench-jwks", ".json");
        jwks.toFile().deleteOnExit();
        Files.writeString(jwks, new JWKSet(List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK())).toString());
        CdsSecurityProperties.Client client = new CdsSecurityProperties.Client(ISSUER, jwks.toUri().toString(),
                List.of(), null, List.of("ES384", "RS384"));
        CdsSecurityProperties settings = new CdsSecurityProperties(true, null, List.of(client),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofMinutes(5), 1000, jwksSettings(), null);
        serviceVerifier = new CdsClientTokenVerifier(new CdsClientRegistry(settings.clients(), settings.jwks()),
                new ReplayCache(1000, Clock.systemUTC()), settings, Clock.systemUTC());
        serviceVerifier.verify(es384Token, AUDIENCE); // first use; every later check of it is a replay
    }

    private static CdsSecurityProperties.Jwks jwksSettings() {
        return new CdsSecurityProperties.Jwks(java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2),
                org.springframework.util.unit.DataSize.ofKilobytes(64));
    }

    private static SignedJWT signed(JWSAlgorithm algorithm, String keyId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(290)))
                .jwtID(UUID.randomUUID().toString()).build();
        return new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
    }

    @Benchmark
    public boolean es384VerifyJdk() throws Exception {
        return es384Jdk.verify(es384.getHeader(), es384.getSigningInput(), es384.getSignature());
    }

    @Benchmark
    public boolean es384VerifyBouncyCastle() throws Exception {
        return es384Bc.verify(es384.getHeader(), es384.getSigningInput(), es384.getSignature());
    }

    /** BouncyCastle with a key it made itself, so it need not convert the JDK's key on every check. */
    @Benchmark
    public boolean es384VerifyBouncyCastleNativeKey() throws Exception {
        return es384BcNativeKey.verify(es384.getHeader(), es384.getSigningInput(), es384.getSignature());
    }

    /** Picking the token's key from a cached key set: matching, then JWK to Java key. */
    @Benchmark
    public List<? extends java.security.Key> es384SelectKey() throws Exception {
        return keySelector.selectJWSKeys(es384.getHeader(), null);
    }

    @Benchmark
    public boolean rs384VerifyJdk() throws Exception {
        return rs384Jdk.verify(rs384.getHeader(), rs384.getSigningInput(), rs384.getSignature());
    }

    /** What a verifier factory does for every token when keys are not cached: JWK to Java key, then the verifier. */
    @Benchmark
    public JWSVerifier es384NewVerifier() throws Exception {
        return new ECDSAVerifier(ecKey.toECPublicKey());
    }

    /** The service's whole check of an ES384 token, up to the replay check (which refuses this reused token). */
    @Benchmark
    public String es384ServiceCheck() {
        try {
            return serviceVerifier.verify(es384Token, AUDIENCE).getJWTID();
        } catch (CdsTokenRejectedException e) {
            return e.getMessage();
        }
    }
}
