package org.chemoadvisor.security;

import static org.chemoadvisor.security.TestKeys.EHR;
import static org.chemoadvisor.security.TestKeys.FHIR_PUBLIC_KEY;
import static org.chemoadvisor.security.TestKeys.JKU_JWKS;
import static org.chemoadvisor.security.TestKeys.JWKS;
import static org.chemoadvisor.security.TestKeys.TENANT_EHR;
import static org.chemoadvisor.security.TestKeys.uri;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service with security on, as an operator would configure it: two registered EHRs (one with a
 * file: JWKS, one with a tenant and a jku allowlist), the public base URL, a CORS origin, and the
 * /fhir resource server on a PEM public key with an audience. It listens on a real port (the load
 * generator's set-up: public base URL http://localhost:PORT) and is also reached through MockMvc.
 * The subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "cds.security.enabled=true",
        "cds.security.cors.allowed-origins=" + SecuredServiceTest.BROWSER_ORIGIN,
        "spring.security.oauth2.resourceserver.jwt.audiences=" + SecuredServiceTest.FHIR_AUDIENCE})
@AutoConfigureMockMvc
abstract class SecuredServiceTest {

    static final int PORT = freePort();
    static final String PUBLIC_BASE_URL = "http://localhost:" + PORT;
    static final String BROWSER_ORIGIN = "https://ehr-app.example.org";
    static final String FHIR_AUDIENCE = "chemo-advisor";
    static final String TENANT = "hospital-a";

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void keyLocations(DynamicPropertyRegistry settings) {
        settings.add("server.port", () -> PORT);
        settings.add("cds.security.public-base-url", () -> PUBLIC_BASE_URL);
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
        return PUBLIC_BASE_URL + path;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
