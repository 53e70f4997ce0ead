package org.chemoadvisor.security;

import static org.chemoadvisor.security.TestKeys.EHR;
import static org.chemoadvisor.security.TestKeys.FHIR_PUBLIC_KEY;
import static org.chemoadvisor.security.TestKeys.JKU_JWKS;
import static org.chemoadvisor.security.TestKeys.JWKS;
import static org.chemoadvisor.security.TestKeys.TENANT_EHR;
import static org.chemoadvisor.security.TestKeys.uri;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service with security on, as an operator would configure it: two registered EHRs (one with a
 * file: JWKS, one with a tenant and a jku allowlist), a public base URL, a CORS origin, and the
 * /fhir resource server on a PEM public key with an audience. The subclasses share one context.
 */
@SpringBootTest(properties = {
        "cds.security.enabled=true",
        "cds.security.public-base-url=" + SecuredServiceTest.PUBLIC_BASE_URL,
        "cds.security.cors.allowed-origins=" + SecuredServiceTest.BROWSER_ORIGIN,
        "spring.security.oauth2.resourceserver.jwt.audiences=" + SecuredServiceTest.FHIR_AUDIENCE})
@AutoConfigureMockMvc
abstract class SecuredServiceTest {

    static final String PUBLIC_BASE_URL = "https://cds.example.org/";
    static final String BROWSER_ORIGIN = "https://ehr-app.example.org";
    static final String FHIR_AUDIENCE = "chemo-advisor";
    static final String TENANT = "hospital-a";

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void keyLocations(DynamicPropertyRegistry settings) {
        settings.add("cds.security.clients[0].issuer", () -> EHR);
        settings.add("cds.security.clients[0].jwks-uri", () -> uri(JWKS));
        settings.add("cds.security.clients[1].issuer", () -> TENANT_EHR);
        settings.add("cds.security.clients[1].jwks-uri", () -> uri(JWKS));
        settings.add("cds.security.clients[1].jku-allowlist[0]", () -> uri(JKU_JWKS));
        settings.add("cds.security.clients[1].tenant", () -> TENANT);
        settings.add("cds.security.clients[1].algorithms", () -> "ES384,ES256");
        settings.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> uri(FHIR_PUBLIC_KEY));
    }

    /** The {@code aud} a CDS client must put in a token for {@code path}. */
    static String audience(String path) {
        return "https://cds.example.org" + path;
    }
}
