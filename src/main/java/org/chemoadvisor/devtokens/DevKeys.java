package org.chemoadvisor.devtokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Base64;

/**
 * The development key files in one directory: an EC P-384 key for a pretend EHR (the CDS client,
 * ES384 as CDS Hooks recommends) and an RSA key for a pretend authorization server (the {@code /fhir}
 * tokens, RS256 as Spring Boot's {@code public-key-location} expects), each with the public half the
 * service is configured with.
 */
record DevKeys(Path dir) {

    static final String EHR_PRIVATE = "ehr-private-jwk.json";
    static final String EHR_JWKS = "ehr-jwks.json";
    static final String FHIR_PRIVATE = "fhir-private-jwk.json";
    static final String FHIR_PUBLIC_PEM = "fhir-public-key.pem";
    static final String SETTINGS = "secure-local.yml";

    static DevKeys create(Path dir) throws IOException, JOSEException {
        Files.createDirectories(dir);
        ECKey ehr = new ECKeyGenerator(Curve.P_384).keyID("dev-ehr-es384").keyUse(KeyUse.SIGNATURE).generate();
        RSAKey fhir = new RSAKeyGenerator(2048).keyID("dev-idp-rs256").keyUse(KeyUse.SIGNATURE).generate();
        DevKeys keys = new DevKeys(dir.toAbsolutePath().normalize());
        keys.writePrivate(EHR_PRIVATE, ehr.toJSONString());
        Files.writeString(keys.file(EHR_JWKS), new JWKSet(ehr.toPublicJWK()).toString(), StandardCharsets.UTF_8);
        keys.writePrivate(FHIR_PRIVATE, fhir.toJSONString());
        Files.writeString(keys.file(FHIR_PUBLIC_PEM), pem(fhir), StandardCharsets.UTF_8);
        return keys;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    ECKey ehrKey() throws IOException, ParseException {
        return ECKey.parse(Files.readString(file(EHR_PRIVATE)));
    }

    RSAKey fhirKey() throws IOException, ParseException {
        return RSAKey.parse(Files.readString(file(FHIR_PRIVATE)));
    }

    private void writePrivate(String name, String json) throws IOException {
        Path path = file(name);
        Files.writeString(path, json, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the directory's default permissions.
        }
    }

    private static String pem(RSAKey key) throws JOSEException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toRSAPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
