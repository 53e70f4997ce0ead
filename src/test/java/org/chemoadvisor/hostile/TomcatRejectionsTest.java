package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chemoadvisor.hostile.ServiceClient.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** URLs Tomcat refuses before the application sees them still get a JSON error body. */
@HostileServerTest
class TomcatRejectionsTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/cds-services/%ff%fe", "/cds-services/..%2f..%2fetc", "/cds-services/%00/feedback",
        "/fhir/Claim%2F$validate"})
    void aUrlTomcatRefusesIsAnsweredWithJson(String path) throws Exception {
        Answer answer = new ServiceClient(port).post(path, "application/json", "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(answer.body()).path("error").asText()).isEqualTo("http_400");
    }
}
