package org.chemoadvisor.security.cds;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signature verifiers for client tokens. ECDSA (ES256/ES384) is checked with BouncyCastle on a key it decoded
 * itself, once per key: the JDK 17 provider's P-384 arithmetic took ~40% of the service's CPU under load, and
 * BouncyCastle given a JDK key converts it on every check (TokenVerifyBenchmarks: ~15x and ~4x the cost).
 * RSA stays with the JDK, which is fast at it. BouncyCastle is used only here, never registered JVM-wide.
 * The verifiers hold no per-token state; each signature is still checked in full.
 */
final class SignatureVerifiers implements JWSVerifierFactory {

    /** Keys come only from the registered clients' key sets; past this many (key rotation), start over. */
    private static final int MAX_CACHED_KEYS = 256;

    private final Provider bouncyCastle = new BouncyCastleProvider();
    private final DefaultJWSVerifierFactory others = new DefaultJWSVerifierFactory();
    private final Map<ByteBuffer, JWSVerifier> ecVerifiers = new ConcurrentHashMap<>();

    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        if (!(key instanceof ECPublicKey ecKey)) {
            return others.createJWSVerifier(header, key);
        }
        ByteBuffer encoded = ByteBuffer.wrap(ecKey.getEncoded());
        JWSVerifier verifier = ecVerifiers.get(encoded);
        if (verifier == null) {
            verifier = ecVerifier(ecKey);
            if (ecVerifiers.size() >= MAX_CACHED_KEYS) {
                ecVerifiers.clear();
            }
            ecVerifiers.put(encoded, verifier);
        }
        return verifier;
    }

    private JWSVerifier ecVerifier(ECPublicKey key) throws JOSEException {
        ECPublicKey decoded;
        try {
            decoded = (ECPublicKey) KeyFactory.getInstance("EC", bouncyCastle)
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new JOSEException("Unusable EC key: " + e.getMessage(), e);
        }
        ECDSAVerifier verifier = new ECDSAVerifier(decoded);
        verifier.getJCAContext().setProvider(bouncyCastle);
        return verifier;
    }

    @Override
    public Set<com.nimbusds.jose.JWSAlgorithm> supportedJWSAlgorithms() {
        return others.supportedJWSAlgorithms();
    }

    @Override
    public JCAContext getJCAContext() {
        return others.getJCAContext();
    }
}
