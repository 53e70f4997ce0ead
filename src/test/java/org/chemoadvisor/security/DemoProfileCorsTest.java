package org.chemoadvisor.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo profile lets browser-based CDS clients on this machine (the HL7 CDS Hooks Sandbox run locally, on any
 * port) call the service: their CORS preflight succeeds. Origins elsewhere still get no CORS headers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoProfileCorsTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "http://localhost:8081", "http://127.0.0.1:5173"})
    void loopbackOriginsOnAnyPortPassThePreflight(String origin) throws Exception {
        mvc.perform(options("/cds-services/chemodenervation-order-sign").header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", origin))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
        mvc.perform(options("/cds-services/chemodenervation-order-sign/feedback").header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", origin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sandbox.cds-hooks.org", "http://localhost.example.org:3000", "http://10.0.0.5:3000"})
    void otherOriginsGetNoCorsHeaders(String origin) throws Exception {
        mvc.perform(options("/cds-services/chemodenervation-order-sign").header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(post("/cds-services/chemodenervation-order-sign").header("Origin", origin)
                        .contentType("application/json").content("{}"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
