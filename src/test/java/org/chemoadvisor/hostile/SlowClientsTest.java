package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that stops sending gives up its request thread at the connection timeout, not when it
 * pleases, and clients stalled in their headers hold no request thread. Nothing here waits for time to
 * pass: the timeout is checked where Tomcat takes it (the connector of the running server; Tomcat ends
 * the stalled read), and a body that keeps trickling is BodyReadTimeoutTest's, on a clock it moves; a
 * real trickle under load is the soak test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.enabled=false", "server.tomcat.threads.max=" + SlowClientsTest.THREADS})
class SlowClientsTest {

    static final int THREADS = 4;

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @org.junit.jupiter.api.Test
    void aBodyThatNeverComesEndsAtTheConfiguredConnectionTimeoutNotTomcatsDefault() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        // application.yml: server.tomcat.connection-timeout 5s (Tomcat's own default is 60 s).
        assertThat(connector.getProperty("connectionTimeout")).isEqualTo(5000);
    }

    @org.junit.jupiter.api.Test
    void clientsStalledInTheirHeadersHoldNoRequestThread() throws Exception {
        java.util.List<Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < THREADS * 3; i++) {
                Socket socket = connect();
                slow.add(socket);
                // Half a header, then nothing: a stalled client.
                socket.getOutputStream().write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }

            try (Socket socket = connect()) {
                socket.getOutputStream().write(("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** The answer's status line, headers and body as far as the server sent them before closing. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (complete(answer)) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed the connection", e);
        } catch (IOException e) {
            // Connection reset after the answer: what was read is the answer.
        }
        return answer.toString();
    }

    private static boolean complete(StringBuilder answer) {
        int headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = answer.substring(0, headEnd).toLowerCase();
        int at = head.indexOf("content-length: ");
        if (at < 0) {
            return head.contains("transfer-encoding: chunked") ? answer.indexOf("\r\n0\r\n\r\n") > 0 : false;
        }
        int length = Integer.parseInt(head.substring(at + 16).split("\r\n")[0].trim());
        return answer.length() - headEnd - 4 >= length;
    }
}
