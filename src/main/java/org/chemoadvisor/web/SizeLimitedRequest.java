package org.chemoadvisor.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * A request whose body may not exceed a number of bytes. A chunked body has no Content-Length to
 * check up front, so the limit is enforced while it is read: past it, reading throws the
 * exception the caller chose, which its error handling turns into a 413.
 */
public final class SizeLimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private final Supplier<? extends RuntimeException> tooLarge;
    private ServletInputStream stream;

    public SizeLimitedRequest(HttpServletRequest request, long limit, Supplier<? extends RuntimeException> tooLarge) {
        super(request);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new LimitedInputStream(super.getInputStream());
        }
        return stream;
    }

    private final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private long read;

        LimitedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge.get();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
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
