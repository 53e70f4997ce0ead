package org.chemoadvisor.cdshooks.data;

import java.net.URI;
import java.net.URISyntaxException;

/** What a log line may say about a {@code fhirServer}: scheme, host and port, never user info or path. */
final class RequestedServer {

    private RequestedServer() {
    }

    static String describe(String fhirServer) {
        if (fhirServer == null) {
            return "none given";
        }
        try {
            URI uri = new URI(fhirServer.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "not an http(s) URL";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (URISyntaxException e) {
            return "not a URL";
        }
    }

    static boolean refusedAddress(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof OutboundAddressFilter.RefusedAddressException) {
                return true;
            }
        }
        return false;
    }
}
