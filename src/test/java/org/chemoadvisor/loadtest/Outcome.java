package org.chemoadvisor.loadtest;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/** How one request of the soak test ended: by status class, or without an answer. */
enum Outcome {

    S2XX("2xx"), S3XX("3xx"), S4XX("4xx"), S5XX("5xx"),
    /** The server closed or reset the connection without sending a status line. */
    CLOSED("closed by server"),
    /** No connection, or it broke in a way that is not the server closing it (e.g. refused: service down). */
    IO_ERROR("IO error"),
    /** No answer within the client's timeout. */
    TIMEOUT("timeout");

    final String label;

    Outcome(String label) {
        this.label = label;
    }

    static Outcome ofStatus(int status) {
        if (status >= 500) {
            return S5XX;
        }
        if (status >= 400) {
            return S4XX;
        }
        return status >= 300 ? S3XX : S2XX;
    }

    /** The outcome of a JDK HttpClient failure. */
    static Outcome ofFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpTimeoutException) {
            return TIMEOUT;
        }
        return IO_ERROR;
    }

    /** A short detail for a JDK HttpClient failure: the exception's class. */
    static String detail(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (!(t instanceof IOException) && t.getCause() instanceof IOException io) {
            return io;
        }
        return t;
    }
}
