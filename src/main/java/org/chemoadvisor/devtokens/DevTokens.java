package org.chemoadvisor.devtokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar <jar> dev-tokens ...}: try secure mode locally. {@code init} writes development
 * keys and the settings that register them ({@code secure-local.yml}); {@code cds} mints a CDS client
 * JWT for one service URL; {@code fhir} mints a bearer token for {@code /fhir}, {@code /feedback/report}
 * and the actuator. Development only: the keys are on disk unprotected, and the service never
 * starts this code.
 */
public final class DevTokens {

    /** The pretend EHR's issuer, registered as a CDS client by {@code secure-local.yml}. */
    static final String EHR_ISSUER = "http://dev-ehr.localhost";
    /** The pretend authorization server's issuer and the audience this service expects. */
    static final String IDP_ISSUER = "http://dev-idp.localhost";
    static final String AUDIENCE = "chemo-advisor-dev";
    /** CDS Hooks: at most 5 minutes, as the service enforces (cds.security.max-token-lifetime). */
    private static final Duration CDS_LIFETIME = Duration.ofMinutes(5);
    private static final Duration FHIR_LIFETIME = Duration.ofHours(1);

    private DevTokens() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        String command = args.length == 0 ? "help" : args[0];
        Path dir = Path.of(options.getOrDefault("dir", "dev-keys"));
        try {
            switch (command) {
                case "init" -> init(dir, options.getOrDefault("url", "http://localhost:8080"), out);
                case "cds" -> out.println(cdsToken(new DevKeys(dir.toAbsolutePath()), required(options, "url"),
                        Instant.now()));
                case "fhir" -> out.println(fhirToken(new DevKeys(dir.toAbsolutePath()), Instant.now()));
                default -> {
                    usage(out);
                    return "help".equals(command) ? 0 : 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("dev-tokens: " + e.getMessage());
            usage(err);
            return 2;
        } catch (IOException | ParseException | JOSEException e) {
            err.println("dev-tokens: " + e.getMessage() + " (run `dev-tokens init --dir " + dir + "` first?)");
            return 1;
        }
    }

    static void init(Path dir, String baseUrl, PrintStream out) throws IOException, JOSEException {
        DevKeys keys = DevKeys.create(dir);
        String settings = settings(keys);
        Files.writeString(keys.file(DevKeys.SETTINGS), settings, StandardCharsets.UTF_8);
        out.println("Development keys written to " + keys.dir() + " (never use them outside this machine).");
        out.println("Settings that register them, in " + keys.file(DevKeys.SETTINGS) + ":");
        out.println();
        out.println(settings);
        out.println("Run the service with them:");
        out.println("  java -jar target/chemo-coding-advisor-*.jar --spring.config.import=file:"
                + keys.file(DevKeys.SETTINGS));
        out.println("Mint tokens (each CDS token is for one URL and one call):");
        out.println("  java -jar target/chemo-coding-advisor-*.jar dev-tokens cds --dir " + dir + " --url "
                + baseUrl + "/cds-services");
        out.println("  java -jar target/chemo-coding-advisor-*.jar dev-tokens fhir --dir " + dir);
    }

    static String settings(DevKeys keys) {
        return "# Written by dev-tokens init: secure mode with local development keys.\n"
                + "cds:\n"
                + "  security:\n"
                + "    enabled: true\n"
                + "    clients:\n"
                + "      - issuer: " + EHR_ISSUER + "\n"
                + "        jwks-uri: " + keys.file(DevKeys.EHR_JWKS).toUri() + "\n"
                + "        algorithms: [ES384]\n"
                + "spring:\n"
                + "  security:\n"
                + "    oauth2:\n"
                + "      resourceserver:\n"
                + "        jwt:\n"
                + "          public-key-location: " + keys.file(DevKeys.FHIR_PUBLIC_PEM).toUri() + "\n"
                + "          audiences: [" + AUDIENCE + "]\n";
    }

    /** A CDS Hooks 2.0 client token: ES384, iss/sub the EHR, aud the URL called, 5 minutes, a fresh jti. */
    static String cdsToken(DevKeys keys, String url, Instant now) throws IOException, ParseException, JOSEException {
        ECKey key = keys.ehrKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(EHR_ISSUER).subject("dev-ehr-client").audience(url)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(CDS_LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** A bearer token as an authorization server would issue it for this service: RS256, one hour. */
    static String fhirToken(DevKeys keys, Instant now) throws IOException, ParseException, JOSEException {
        RSAKey key = keys.fhirKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(IDP_ISSUER).subject("dev-user").audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(FHIR_LIFETIME)))
                .claim("scope", "system/Claim.read user/Claim.read").jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar <jar> dev-tokens init [--dir DIR] [--url BASE]   keys and secure-local.yml");
        out.println("       java -jar <jar> dev-tokens cds  [--dir DIR] --url URL      a CDS client JWT for URL");
        out.println("       java -jar <jar> dev-tokens fhir [--dir DIR]                a /fhir bearer token");
        out.println("DIR defaults to dev-keys. Development only.");
    }
}
