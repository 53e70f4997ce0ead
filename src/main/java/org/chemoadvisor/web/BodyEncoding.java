package org.chemoadvisor.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one Content-Encoding policy of every endpoint: a body is sent as is ({@code identity}) or
 * gzip-compressed ({@code gzip}, {@code x-gzip}; HAPI's client compresses requests that way).
 * Anything else (deflate, br, several encodings stacked) is refused with 415.
 */
enum BodyEncoding {
    IDENTITY, GZIP, UNSUPPORTED;

    static final String HEADER = "Content-Encoding";

    static BodyEncoding of(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HEADER)).stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty() && !value.equals("identity"))
                .toList();
        if (values.isEmpty()) {
            return IDENTITY;
        }
        if (values.size() == 1 && (values.get(0).equals("gzip") || values.get(0).equals("x-gzip"))) {
            return GZIP;
        }
        return UNSUPPORTED;
    }

    static String unsupportedMessage() {
        return "Content-Encoding must be identity or gzip";
    }
}
