package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.security.TestKeys.EC_P384;
import static org.chemoadvisor.security.TestKeys.EHR;
import static org.chemoadvisor.security.TestKeys.claims;
import static org.chemoadvisor.security.TestKeys.sign;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a request records: its timing in {@code http.server.requests}, but no observation of each Spring
 * Security filter, authentication and authorization, whose cost per request is far above their worth here.
 */
class RequestObservationTest extends SecuredServiceTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void anAuthenticatedRequestIsTimedWithoutObservingTheSecurityFilters() throws Exception {
        mvc.perform(get("/cds-services").header("Authorization", "Bearer "
                        + sign(EC_P384, JWSAlgorithm.ES384, claims(EHR, audience("/cds-services")).build())))
                .andExpect(status().isOk());
        mvc.perform(get("/cds-services")).andExpect(status().isUnauthorized());

        assertThat(meters.find("http.server.requests").tag("uri", "/cds-services").timers())
                .extracting(timer -> timer.getId().getTag("status")).contains("200", "401");
        assertThat(meters.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .noneMatch(name -> name.startsWith("spring.security."));
    }
}
