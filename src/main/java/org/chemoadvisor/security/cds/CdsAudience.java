package org.chemoadvisor.security.cds;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The {@code aud} a token must carry: the exact URL of the endpoint called, built from
 * {@code cds.security.public-base-url} and the request path (behind a proxy), or from the request.
 */
final class CdsAudience {

    private final String publicBaseUrl;

    CdsAudience(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : checked(publicBaseUrl.trim());
    }

    String of(HttpServletRequest request) {
        return publicBaseUrl == null ? request.getRequestURL().toString() : publicBaseUrl + request.getRequestURI();
    }

    private static String checked(String url) {
        try {
            URI uri = new URI(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(url, "not an absolute http(s) base URL");
            }
        } catch (URISyntaxException e) {
            throw new CdsSecurityConfigurationException("cds.security.public-base-url must be an absolute http(s) URL"
                    + " without query, e.g. https://cds.example.org, got '" + url + "'");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
