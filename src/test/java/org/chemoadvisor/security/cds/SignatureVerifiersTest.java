package org.chemoadvisor.security.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerifiersTest {

    private final SignatureVerifiers verifiers = new SignatureVerifiers();

    @Test
    void anEs384SignatureMadeWithTheJdkVerifiesAndATamperedOneDoesNot() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).keyID("k1").generate();
        SignedJWT jwt = signed(JWSAlgorithm.ES384, "k1");
        jwt.sign(new ECDSASigner(key));
        JWSVerifier verifier = verifiers.createJWSVerifier(jwt.getHeader(), key.toECPublicKey());

        assertThat(verifier.verify(jwt.getHeader(), jwt.getSigningInput(), jwt.getSignature())).isTrue();
        assertThat(verifier.verify(jwt.getHeader(), "other payload".getBytes(StandardCharsets.US_ASCII),
                jwt.getSignature())).isFalse();
        assertThat(verifier.verify(jwt.getHeader(), jwt.getSigningInput(), flipLastByte(jwt.getSignature())))
                .isFalse();
    }

    @Test
    void aSignatureByAnotherKeyDoesNotVerify() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).generate();
        ECKey impostor = new ECKeyGenerator(Curve.P_384).generate();
        SignedJWT jwt = signed(JWSAlgorithm.ES384, "k1");
        jwt.sign(new ECDSASigner(impostor));

        assertThat(verifiers.createJWSVerifier(jwt.getHeader(), key.toECPublicKey())
                .verify(jwt.getHeader(), jwt.getSigningInput(), jwt.getSignature())).isFalse();
    }

    @Test
    void anAllZeroEcdsaSignatureIsRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).generate();
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES384);

        assertThat(verifiers.createJWSVerifier(header, key.toECPublicKey())
                .verify(header, "payload".getBytes(StandardCharsets.US_ASCII), Base64URL.encode(new byte[96])))
                .isFalse();
    }

    @Test
    void theVerifierForAKeyIsBuiltOnceWhateverObjectCarriesTheKey() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).generate();
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES384);

        assertThat(verifiers.createJWSVerifier(header, key.toECPublicKey()))
                .isSameAs(verifiers.createJWSVerifier(header, key.toECPublicKey()));
        assertThat(verifiers.createJWSVerifier(header, new ECKeyGenerator(Curve.P_384).generate().toECPublicKey()))
                .isNotSameAs(verifiers.createJWSVerifier(header, key.toECPublicKey()));
    }

    @Test
    void es256AndRs384StillVerify() throws Exception {
        ECKey ec256 = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT es256 = signed(JWSAlgorithm.ES256, "k256");
        es256.sign(new ECDSASigner(ec256));
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        SignedJWT rs384 = signed(JWSAlgorithm.RS384, "rsa");
        rs384.sign(new RSASSASigner(rsa));

        assertThat(verifiers.createJWSVerifier(es256.getHeader(), ec256.toECPublicKey())
                .verify(es256.getHeader(), es256.getSigningInput(), es256.getSignature())).isTrue();
        assertThat(verifiers.createJWSVerifier(rs384.getHeader(), rsa.toRSAPublicKey())
                .verify(rs384.getHeader(), rs384.getSigningInput(), rs384.getSignature())).isTrue();
    }

    private static SignedJWT signed(JWSAlgorithm algorithm, String keyId) {
        return new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(),
                new JWTClaimsSet.Builder().issuer("https://ehr.test").jwtID("j").build());
    }

    private static Base64URL flipLastByte(Base64URL signature) {
        byte[] bytes = signature.decode();
        bytes[bytes.length - 1] ^= 1;
        return Base64URL.encode(bytes);
    }
}
