package org.chemoadvisor.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * cds.security.enabled=false (the tests' default, as in the demo profile): no token asked for,
 * the security headers still sent, and no CORS unless origins are configured.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityOffTest {

    @Autowired
    MockMvc mvc;

    @Test
    void discoveryAndTheReportNeedNoToken() throws Exception {
        SecurityHeadersTest.expectSecurityHeaders(mvc.perform(get("/cds-services")).andExpect(status().isOk()));
        mvc.perform(get("/feedback/report")).andExpect(status().isOk());
    }

    @Test
    void theErrorPathCalledDirectlyIsNotFound() throws Exception {
        mvc.perform(get("/error"))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"not_found\",\"message\":\"No such resource\"}"));
    }

    @Test
    void withNoOriginConfiguredThereIsNoCors() throws Exception {
        mvc.perform(options("/cds-services").header("Origin", "https://ehr-app.example.org")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(get("/cds-services").header("Origin", "https://ehr-app.example.org"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
