package org.chemoadvisor.cdshooks.data;

import java.util.List;
import java.util.Locale;

/**
 * The base URLs the fallback may call. Matching is exact (scheme, host, port and path; a trailing
 * slash and the case of scheme and host aside), so a caller cannot point the service at another
 * host, a {@code file:} URL, or an internal address by choosing {@code fhirServer}.
 */
final class FhirServerAllowlist {

    private final List<String> allowed;

    FhirServerAllowlist(List<String> allowed) {
        this.allowed = allowed.stream().map(FhirServerAllowlist::normalize).toList();
    }

    boolean allows(String fhirServer) {
        return fhirServer != null && allowed.contains(normalize(fhirServer));
    }

    private static String normalize(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int hostEnd = trimmed.indexOf('/', trimmed.indexOf("://") + 3);
        return hostEnd < 0 ? trimmed.toLowerCase(Locale.ROOT)
                : trimmed.substring(0, hostEnd).toLowerCase(Locale.ROOT) + trimmed.substring(hostEnd);
    }
}
