package org.chemoadvisor.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/** Security headers on every response, refusals included; CORS only for the configured origin. */
class SecurityHeadersTest extends SecuredServiceTest {

    @Test
    void anOpenResponseCarriesTheSecurityHeaders() throws Exception {
        expectSecurityHeaders(mvc.perform(get("/actuator/health")).andExpect(status().isOk()));
    }

    @Test
    void aRefusalCarriesTheSecurityHeaders() throws Exception {
        expectSecurityHeaders(mvc.perform(get("/cds-services")).andExpect(status().isUnauthorized()));
        expectSecurityHeaders(mvc.perform(get("/fhir/Claim")).andExpect(status().isUnauthorized()));
    }

    @Test
    void theDemoPagesAreOpenWithAPolicyForTheirOwnScriptsWhileWhatTheyCallStaysGuarded() throws Exception {
        for (String page : new String[] {"/", "/dashboard.html", "/ui/app.js", "/ui/app.css"}) {
            mvc.perform(get(page)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("script-src 'self'"),
                            org.hamcrest.Matchers.containsString("connect-src 'self'"),
                            org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))));
        }
        mvc.perform(get("/feedback/report")).andExpect(status().isUnauthorized());
        mvc.perform(get("/ui/../feedback/report")).andExpect(status().is4xxClientError());
        mvc.perform(get("/cds-services")).andExpect(header().string("Content-Security-Policy",
                "default-src 'none'; frame-ancestors 'none'"));
    }

    @Test
    void hstsIsSentOverHttpsOnly() throws Exception {
        mvc.perform(get("/actuator/health").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(get("/actuator/health")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredWithoutAToken() throws Exception {
        mvc.perform(preflight(BROWSER_ORIGIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", BROWSER_ORIGIN))
                .andExpect(header().string("Access-Control-Allow-Methods", "GET,POST,OPTIONS"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() throws Exception {
        mvc.perform(preflight("https://evil.example"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void aCrossOriginRefusalStillNamesTheAllowedOriginSoTheBrowserCanReadThe401() throws Exception {
        mvc.perform(get("/cds-services").header("Origin", BROWSER_ORIGIN))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Access-Control-Allow-Origin", BROWSER_ORIGIN));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder preflight(String origin) {
        return options("/cds-services/chemodenervation-order-sign").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type");
    }

    static void expectSecurityHeaders(ResultActions response) throws Exception {
        response.andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }
}
