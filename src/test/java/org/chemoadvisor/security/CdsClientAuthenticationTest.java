package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.security.TestKeys.EC_P256;
import static org.chemoadvisor.security.TestKeys.EC_P384;
import static org.chemoadvisor.security.TestKeys.EHR;
import static org.chemoadvisor.security.TestKeys.IMPOSTOR;
import static org.chemoadvisor.security.TestKeys.JKU_JWKS;
import static org.chemoadvisor.security.TestKeys.JKU_KEY;
import static org.chemoadvisor.security.TestKeys.RSA;
import static org.chemoadvisor.security.TestKeys.TENANT_EHR;
import static org.chemoadvisor.security.TestKeys.UNLISTED;
import static org.chemoadvisor.security.TestKeys.claims;
import static org.chemoadvisor.security.TestKeys.sign;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** CDS Hooks client JWTs on /cds-services/**, through the real filter chain. */
@ExtendWith(OutputCaptureExtension.class)
class CdsClientAuthenticationTest extends SecuredServiceTest {

    private static final String DISCOVERY = "/cds-services";
    private static final String ORDER_SIGN = "/cds-services/chemodenervation-order-sign";

    // --- accepted ---

    @Test
    void anEs384TokenFromARegisteredClientIsAccepted() throws Exception {
        discovery(sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.services").isArray());
    }

    @Test
    void anRs384TokenFromARegisteredClientIsAccepted() throws Exception {
        discovery(sign(RSA, JWSAlgorithm.RS384, claims(EHR, audience(DISCOVERY)).build()))
                .andExpect(status().isOk());
    }

    @Test
    void anAudienceArrayNamingTheEndpointIsAccepted() throws Exception {
        JWTClaimsSet claims = claims(EHR, null).audience(List.of("https://other.example.org", audience(DISCOVERY)))
                .build();
        discovery(sign(EC_P384, JWSAlgorithm.ES384, claims)).andExpect(status().isOk());
    }

    @Test
    void aServiceCallWithAValidTokenIsAnswered() throws Exception {
        String body = Files.readString(Path.of("cds-hooks/order-sign/07-clean-order-set.request.json"));
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(ORDER_SIGN)).build());

        mvc.perform(post(ORDER_SIGN).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards").isArray());
    }

    @Test
    void es256IsAcceptedOnlyFromAClientConfiguredForIt() throws Exception {
        JWTClaimsSet tenantClaims = claims(TENANT_EHR, audience(DISCOVERY)).claim("tenant", TENANT).build();
        discovery(sign(EC_P256, JWSAlgorithm.ES256, tenantClaims)).andExpect(status().isOk());

        assertRefused(sign(EC_P256, JWSAlgorithm.ES256, claims(EHR, audience(DISCOVERY)).build()),
                "algorithm not allowed");
    }

    @Test
    void keysFromAnAllowlistedJkuAreUsed() throws Exception {
        JWTClaimsSet tenantClaims = claims(TENANT_EHR, audience(DISCOVERY)).claim("tenant", TENANT).build();
        String token = sign(JKU_KEY, JWSAlgorithm.ES384, tenantClaims,
                header -> header.jwkURL(URI.create(TestKeys.uri(JKU_JWKS))));

        discovery(token).andExpect(status().isOk());
    }

    // --- refused ---

    @Test
    void aRequestWithoutAuthorizationIsRefused() throws Exception {
        mvc.perform(get(DISCOVERY))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.error").value("invalid_token"))
                .andExpect(jsonPath("$.message").value("missing bearer token"));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        assertRefused(new PlainJWT(claims(EHR, audience(DISCOVERY)).build()).serialize(), "unsigned token (alg none)");
    }

    @Test
    void anHmacTokenIsRefused() throws Exception {
        assertRefused(TestKeys.signHs256(claims(EHR, audience(DISCOVERY)).build()), "algorithm not allowed");
    }

    @Test
    void rs256IsRefusedUnlessConfigured() throws Exception {
        assertRefused(sign(RSA, JWSAlgorithm.RS256, claims(EHR, audience(DISCOVERY)).build()), "algorithm not allowed");
    }

    @Test
    void aTokenForAnotherEndpointIsRefused() throws Exception {
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(ORDER_SIGN)).build()),
                "audience mismatch");
    }

    @Test
    void aTokenAddressedToAnotherHostIsRefused() throws Exception {
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, "https://cds.example.org" + DISCOVERY).build()),
                "audience mismatch");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofMinutes(3));
        JWTClaimsSet claims = claims(EHR, audience(DISCOVERY)).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(1)))).build();
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims), "token expired");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        JWTClaimsSet claims = claims(EHR, audience(DISCOVERY)).issueTime(Date.from(later))
                .expirationTime(Date.from(later.plus(Duration.ofMinutes(1)))).build();
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims), "iat in the future");
    }

    @Test
    void aTokenNotValidBeforeALaterTimeIsRefused() throws Exception {
        JWTClaimsSet claims = claims(EHR, audience(DISCOVERY))
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(3)))).build();
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims), "token not yet valid");
    }

    @Test
    void aTokenLivingLongerThanTheCapIsRefused() throws Exception {
        JWTClaimsSet claims = claims(EHR, audience(DISCOVERY))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(30)))).build();
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims), "lifetime too long");
    }

    @Test
    void aReplayedTokenIsRefused() throws Exception {
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build());
        discovery(token).andExpect(status().isOk());

        assertRefused(token, "replayed jti");
    }

    @Test
    void aTokenWithoutJtiIsRefused() throws Exception {
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).jwtID(null).build()),
                "missing jti");
    }

    @Test
    void aTokenFromAnUnknownIssuerIsRefused() throws Exception {
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims("https://rogue.test", audience(DISCOVERY)).build()),
                "unknown issuer");
    }

    @Test
    void aJkuNotOnTheIssuersAllowlistIsRefused() throws Exception {
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build(),
                header -> header.jwkURL(URI.create("https://attacker.example/jwks.json")));
        assertRefused(token, "jku not allowlisted");
    }

    @Test
    void aKidNotInTheIssuersKeySetIsRefused() throws Exception {
        assertRefused(sign(UNLISTED, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build()), "unknown kid");
    }

    @Test
    void aKeyEmbeddedInTheTokenHeaderIsNotTrusted() throws Exception {
        String token = sign(UNLISTED, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build(),
                header -> header.jwk(UNLISTED.toPublicJWK()));
        assertRefused(token, "unknown kid");
    }

    @Test
    void aTokenWithoutKidIsRefused() throws Exception {
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build(),
                header -> header.keyID(null));
        assertRefused(token, "missing kid");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        assertRefused(sign(IMPOSTOR, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build()), "bad signature");
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build());
        String[] parts = token.split("\\.");
        String otherPayload = sign(EC_P384, JWSAlgorithm.ES384,
                claims(EHR, audience(DISCOVERY)).subject("someone-else").build()).split("\\.")[1];
        assertRefused(parts[0] + "." + otherPayload + "." + parts[2], "bad signature");
    }

    @Test
    void aTokenForAnotherTenantIsRefused() throws Exception {
        JWTClaimsSet claims = claims(TENANT_EHR, audience(DISCOVERY)).claim("tenant", "hospital-b").build();
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims), "tenant mismatch");
    }

    @Test
    void aTokenWithoutTheRegisteredTenantIsRefused() throws Exception {
        assertRefused(sign(EC_P384, JWSAlgorithm.ES384, claims(TENANT_EHR, audience(DISCOVERY)).build()),
                "tenant mismatch");
    }

    @Test
    void anEmptyCritListIsRefused() throws Exception {
        // RFC 7515 4.1.11: producers MUST NOT use the empty list as the crit value
        String token = TestKeys.signWithHeader(EC_P384, "{\"alg\":\"ES384\",\"kid\":\"ehr-es384\",\"crit\":[]}",
                claims(EHR, audience(DISCOVERY)).build());
        assertRefused(token, "empty crit header");
    }

    @Test
    void aCritListNamingAnExtensionThisServiceDoesNotSupportIsRefused() throws Exception {
        String unknown = TestKeys.signWithHeader(EC_P384,
                "{\"alg\":\"ES384\",\"kid\":\"ehr-es384\",\"crit\":[\"x-policy\"],\"x-policy\":\"strict\"}",
                claims(EHR, audience(DISCOVERY)).build());
        assertRefused(unknown, "unsupported crit header");

        // Nimbus understands b64 (RFC 7797) and would verify this one; this service supports no JWS extension
        String b64 = TestKeys.signWithHeader(EC_P384,
                "{\"alg\":\"ES384\",\"kid\":\"ehr-es384\",\"crit\":[\"b64\"],\"b64\":true}",
                claims(EHR, audience(DISCOVERY)).build());
        assertRefused(b64, "unsupported crit header");
    }

    @Test
    void aCritThatIsNotAListIsRefused() throws Exception {
        // Nimbus reads "crit": null as no crit at all
        String token = TestKeys.signWithHeader(EC_P384, "{\"alg\":\"ES384\",\"kid\":\"ehr-es384\",\"crit\":null}",
                claims(EHR, audience(DISCOVERY)).build());
        assertRefused(token, "unsupported crit header");
    }

    @Test
    void aDpopTokenIsAnsweredAsNoBearerToken() throws Exception {
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build());

        mvc.perform(get(DISCOVERY).header("Authorization", "DPoP " + token).header("DPoP", "not-a-proof"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.message").value("missing bearer token"));
    }

    @Test
    void twoAuthorizationHeadersAreRefusedEvenWhenTheFirstIsValid() throws Exception {
        String valid = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(DISCOVERY)).build());

        mvc.perform(get(DISCOVERY).header("Authorization", "Bearer " + valid, "Bearer not-a-jwt"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_request\""))
                .andExpect(jsonPath("$.error").value("invalid_request"))
                .andExpect(jsonPath("$.message").value("more than one Authorization header"));
        // the token was not spent: it was never checked
        discovery(valid).andExpect(status().isOk());
    }

    @Test
    void twoAuthorizationHeadersOnAServiceCallAreRefused() throws Exception {
        String body = Files.readString(Path.of("cds-hooks/order-sign/07-clean-order-set.request.json"));
        String first = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(ORDER_SIGN)).build());
        String second = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(ORDER_SIGN)).build());

        mvc.perform(post(ORDER_SIGN).header("Authorization", "Bearer " + first, "Bearer " + second)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("more than one Authorization header"))
                .andExpect(jsonPath("$.cards").doesNotExist());
    }

    @Test
    void garbageInsteadOfATokenIsRefused() throws Exception {
        assertRefused("not-a-jwt", "malformed token");
    }

    @Test
    void feedbackWithATokenForTheFeedbackUrlIsTaken() throws Exception {
        String path = ORDER_SIGN + "/feedback";
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(path)).build());

        mvc.perform(post(path).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"feedback\":[{\"card\":\"4a1f6a0e-8a4e-4a8e-9d7e-1f2f3a4b5c6d\","
                                + "\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-26T10:00:00Z\"}]}"))
                .andExpect(status().isOk());
    }

    @Test
    void feedbackNeedsAToken() throws Exception {
        mvc.perform(post(ORDER_SIGN + "/feedback").contentType(MediaType.APPLICATION_JSON).content("{\"feedback\":[]}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("missing bearer token"));
    }

    @Test
    void aRefusalIsLoggedWithReasonAndIssuerButNotTheToken(CapturedOutput output) throws Exception {
        String token = sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience(ORDER_SIGN)).build());

        assertRefused(token, "audience mismatch");

        assertThat(output.getAll()).contains("reason=audience mismatch, issuer=" + EHR)
                .doesNotContain(token).doesNotContain(token.split("\\.")[1]);
    }

    private ResultActions discovery(String token) throws Exception {
        return mvc.perform(get(DISCOVERY).header("Authorization", "Bearer " + token));
    }

    private void assertRefused(String token, String reason) throws Exception {
        discovery(token)
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.error").value("invalid_token"))
                .andExpect(jsonPath("$.message").value(reason));
    }
}
