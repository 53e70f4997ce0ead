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

    /**
     * What HTTP/1.1 has Tomcat refuse before the application sees it (RFC 9112: a transfer coding it
     * does not implement is 501) is answered by Tomcat and leaves the service serving.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "POST /cds-services/chemodenervation-order-sign HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"})
    void requestsTomcatDoesNotImplementAreRefusedByTomcatAndTheServiceGoesOn(String raw) throws Exception {
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
        }

        assertThat(answer).isIn("HTTP/1.1 501", "HTTP/1.1 400", "HTTP/1.1 405");
        assertThat(new ServiceClient(port).send(new HostileInput("GET", "/actuator/health", null, null, "health"))
                .status()).isEqualTo(200);
    }
}
