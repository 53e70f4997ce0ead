package org.chemoadvisor.web;

/** Why a request body was refused before or while it was read, with the HTTP status each gets. */
public enum BodyRefusal {
    TOO_LARGE(413, "request_too_large"),
    UNSUPPORTED_ENCODING(415, "unsupported_content_encoding"),
    /** A form body where a resource is expected: its parameters would be parsed out of the resource. */
    FORM_BODY(415, "unsupported_media_type"),
    MALFORMED_ENCODING(400, "malformed_content_encoding"),
    TOO_SLOW(408, "request_timeout");

    private final int status;
    private final String error;

    BodyRefusal(int status, String error) {
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The machine-readable {@code error} of the JSON error bodies. */
    public String error() {
        return error;
    }
}
