package org.chemoadvisor.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A request whose body is read within {@link BodyLimits}: the bytes are counted after a gzip
 * Content-Encoding is undone (so the limit holds for what the parser sees), and reading stops
 * once the body has taken longer than its read timeout, however slowly it trickles in. A chunked
 * body has no Content-Length to check up front, so every limit is enforced while reading; a
 * breach throws what {@link Refusals} makes of it, which the endpoint's error handling answers.
 * A gzip body is seen by the application as the plain body it inflates to: no Content-Encoding,
 * no Content-Length.
 */
public final class BoundedBodyRequest extends HttpServletRequestWrapper {

    /** Turns a refusal into the exception the endpoint's error handling answers (HAPI's or Spring's). */
    @FunctionalInterface
    public interface Refusals {
        RuntimeException refuse(BodyRefusal refusal, String message);
    }

    private final BodyLimits limits;
    private final boolean gzip;
    private final Refusals refusals;
    private final long startNanos;
    private ServletInputStream stream;
    private BufferedReader reader;

    BoundedBodyRequest(HttpServletRequest request, BodyLimits limits, boolean gzip, Refusals refusals) {
        super(request);
        this.limits = limits;
        this.gzip = gzip;
        this.refusals = refusals;
        this.startNanos = limits.clock().nanoTime();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called");
        }
        if (stream == null) {
            stream = new BoundedInputStream(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList());
    }

    @Override
    public int getContentLength() {
        return gzip ? -1 : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
        return gzip ? -1 : super.getContentLengthLong();
    }

    private boolean hidden(String name) {
        return gzip && (BodyEncoding.HEADER.equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name));
    }

    private RuntimeException refuse(BodyRefusal refusal) {
        return refusals.refuse(refusal, switch (refusal) {
            case TOO_LARGE -> limits.tooLargeMessage();
            case TOO_SLOW -> limits.tooSlowMessage();
            case MALFORMED_ENCODING -> "The body is not valid gzip data, as its Content-Encoding says";
            case UNSUPPORTED_ENCODING -> BodyEncoding.unsupportedMessage();
            case FORM_BODY -> "The body is a form, not JSON";
        });
    }

    private static int readOne(InputStream in) throws IOException {
        byte[] one = new byte[1];
        int n = in.read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** The bytes as they arrive, within the read timeout; a socket read timeout is the same refusal. */
    private final class TimedInputStream extends InputStream {

        private final InputStream raw;

        TimedInputStream(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            return readOne(this);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeadline();
            try {
                int n = raw.read(buffer, offset, length);
                checkDeadline();
                return n;
            } catch (IOException e) {
                if (timedOut(e)) {
                    throw refuse(BodyRefusal.TOO_SLOW);
                }
                throw e;
            }
        }

        private void checkDeadline() {
            if (limits.clock().nanoTime() - startNanos > limits.readTimeout().toNanos()) {
                throw refuse(BodyRefusal.TOO_SLOW);
            }
        }

        private static boolean timedOut(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException) {
                    return true;
                }
            }
            return false;
        }
    }

    private final class BoundedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final InputStream timed;
        private InputStream decoded;
        private long read;
        private boolean finished;

        BoundedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
            this.timed = new TimedInputStream(delegate);
        }

        @Override
        public int read() throws IOException {
            return readOne(this);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = decoded().read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                // Corrupt or truncated gzip data: the caller's error, not an I/O failure of ours.
                throw refuse(BodyRefusal.MALFORMED_ENCODING);
            }
            if (n < 0) {
                finished = true;
            } else {
                read += n;
                if (read > limits.maxBytes()) {
                    throw refuse(BodyRefusal.TOO_LARGE);
                }
            }
            return n;
        }

        private InputStream decoded() throws IOException {
            if (decoded == null) {
                // GZIPInputStream reads the gzip header when constructed: only once the body is read.
                decoded = gzip ? new GZIPInputStream(timed, 8192) : timed;
            }
            return decoded;
        }

        @Override
        public boolean isFinished() {
            return gzip ? finished : delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
