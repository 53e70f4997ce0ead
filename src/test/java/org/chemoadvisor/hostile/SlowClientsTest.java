package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that stops sending gives up its request thread at the connection timeout, not when it
 * pleases, and clients stalled in their headers hold no request thread. Nothing here sleeps: the
 * clients simply stop writing. (The body-read timeout of a body that keeps trickling is
 * BodyReadTimeoutTest's, on a clock it moves; a real trickle under load is the soak test's.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.enabled=false", "server.tomcat.connection-timeout=1s",
            "server.tomcat.threads.max=" + SlowClientsTest.THREADS})
class SlowClientsTest {

    static final int THREADS = 4;
    private static final int DECLARED_LENGTH = 1000;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {HostileInputs.VALIDATE, "/cds-services/chemodenervation-order-sign"})
    void aBodyThatNeverComesEndsTheRequestAtTheConnectionTimeout(String path) throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head(path).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            // The socket's own 30 s read timeout would fail the test first if the server kept waiting
            // (Tomcat's default connection timeout is 60 s).
            String answer = readAnswer(socket.getInputStream());

            // Tomcat may drop the connection instead of answering; either way the thread is free.
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 408"), a -> assertThat(a).isEmpty());
        }
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

    private static String head(String path) {
        String type = path.startsWith("/fhir") ? "application/fhir+json" : "application/json";
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: "
                + DECLARED_LENGTH + "\r\n\r\n";
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
