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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.support.ServletRequestHandledEvent;

/**
 * What a request records: its timing in {@code http.server.requests}, but no observation of each Spring
 * Security filter, authentication and authorization, and no application event per request (nothing listens),
 * whose cost per request is far above their worth here.
 */
class RequestObservationTest extends SecuredServiceTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableApplicationContext context;

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

    /** Over real HTTP: MockMvc's own DispatcherServlet does not take the application's settings. */
    @Test
    void noEventIsPublishedPerRequest() throws Exception {
        List<ServletRequestHandledEvent> handled = new CopyOnWriteArrayList<>();
        ApplicationListener<ServletRequestHandledEvent> listener = handled::add;
        context.addApplicationListener(listener);
        HttpClient client = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create(PUBLIC_BASE_URL + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).isEqualTo(200);
            }
        } finally {
            context.removeApplicationListener(listener);
        }

        assertThat(handled).isEmpty();
    }
}
