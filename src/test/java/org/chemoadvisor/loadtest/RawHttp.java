package org.chemoadvisor.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One HTTP/1.1 exchange over a plain socket, for what the JDK HttpClient will not send: repeated
 * headers, a body trickled a byte at a time, any Content-Encoding. The body is written by its own thread
 * while this one reads, so an answer the server sends before it has read the body (a 413, a 408) is seen
 * even when the rest of the body can no longer be written. Always {@code Connection: close}.
 */
final class RawHttp {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_DRAIN = 64 * 1024 * 1024;

    /** What came back: the outcome, the status (0 without one), a detail, time to the status line or failure, body bytes. */
    record Answer(Outcome outcome, int status, String detail, long nanos, long bodyBytes) {
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method path} with the headers (each "Name: value"; Host, Content-Length and Connection
     * are added) and the body; with {@code trickle} non-null, one body byte per {@code trickle} interval.
     * {@code timeout}: how long to wait for the status line (and then for the rest of the answer).
     */
    static Answer exchange(String host, int port, String method, String path, List<String> headers, byte[] body,
            Duration trickle, Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), 5_000);
            } catch (SocketTimeoutException e) {
                return new Answer(Outcome.TIMEOUT, 0, "connect timed out (5 s)", System.nanoTime() - start, 0);
            } catch (IOException e) {
                return new Answer(Outcome.IO_ERROR, 0, e.getClass().getSimpleName(), System.nanoTime() - start, 0);
            }
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n").append("Connection: close\r\n\r\n");
            Thread writer = writer(socket, head.toString().getBytes(StandardCharsets.ISO_8859_1), body, trickle);
            try {
                return read(socket.getInputStream(), start);
            } finally {
                writer.interrupt();
            }
        } catch (IOException e) {
            return new Answer(Outcome.IO_ERROR, 0, e.getClass().getSimpleName(), System.nanoTime() - start, 0);
        }
    }

    private static Thread writer(Socket socket, byte[] head, byte[] body, Duration trickle) {
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.flush();
                if (trickle == null) {
                    out.write(body);
                    out.flush();
                    return;
                }
                for (byte b : body) {
                    Thread.sleep(trickle.toMillis());
                    out.write(b);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // The server stopped reading (it answered or closed), or the reader gave up: nothing to do.
            }
        }, "raw-http-writer");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    private static Answer read(InputStream in, long start) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            int matched = 0;
            while (matched < 4 && (b = in.read()) >= 0) {
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (head.size() > MAX_HEAD) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            return new Answer(Outcome.TIMEOUT, 0, "no answer", System.nanoTime() - start, 0);
        } catch (SocketException e) {
            if (head.size() == 0) {
                return new Answer(Outcome.CLOSED, 0, "connection reset", System.nanoTime() - start, 0);
            }
            return new Answer(Outcome.IO_ERROR, 0, "reset in the answer's head", System.nanoTime() - start, 0);
        } catch (IOException e) {
            return new Answer(Outcome.IO_ERROR, 0, e.getClass().getSimpleName(), System.nanoTime() - start, 0);
        }
        long answered = System.nanoTime() - start;
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (head.size() == 0) {
            return new Answer(Outcome.CLOSED, 0, "closed without an answer", answered, 0);
        }
        int status = status(text);
        if (status == 0) {
            return new Answer(Outcome.IO_ERROR, 0, "unreadable status line", answered, 0);
        }
        long bodyBytes = 0;
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while (bodyBytes < MAX_DRAIN && (n = in.read(buffer)) >= 0) {
                bodyBytes += n;
            }
        } catch (IOException e) {
            // The head is what counts; a body cut short is still that answer.
        }
        return new Answer(Outcome.ofStatus(status), status, "HTTP " + status, answered, bodyBytes);
    }

    private static int status(String head) {
        // "HTTP/1.1 413 " or "HTTP/1.1 413\r\n"
        String[] parts = head.split("[ \r\n]", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
