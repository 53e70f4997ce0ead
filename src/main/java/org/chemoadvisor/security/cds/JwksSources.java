package org.chemoadvisor.security.cds;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the cached, rate-limited key sources (Nimbus {@link JWKSourceBuilder}) for JWKS URLs.
 * Only {@code https:} and {@code file:} URLs are accepted; anything else stops start-up.
 */
final class JwksSources {

    private final CdsSecurityProperties.Jwks settings;

    JwksSources(CdsSecurityProperties.Jwks settings) {
        if (settings.refreshMinInterval().compareTo(settings.cacheTtl()) >= 0) {
            throw new CdsSecurityConfigurationException("cds.security.jwks.refresh-min-interval ("
                    + settings.refreshMinInterval() + ") must be shorter than cds.security.jwks.cache-ttl ("
                    + settings.cacheTtl() + ")");
        }
        this.settings = settings;
    }

    /** A file: key set must exist at start-up: a typo should stop the service, not refuse every call later. */
    private static void checkFile(URI uri, String value, String setting) {
        if (uri.isOpaque() || !Files.isReadable(Path.of(uri))) {
            throw new CdsSecurityConfigurationException(setting + " names no readable file: '" + value
                    + "' (use an absolute path, e.g. file:/etc/chemo-advisor/ehr-jwks.json)");
        }
    }

    JWKSource<CdsTokenContext> forUrl(String value, String setting) {
        URL url = parse(value, setting);
        return JWKSourceBuilder.<CdsTokenContext>create(url, retrieverFor(url))
                .cache(settings.cacheTtl().toMillis(), settings.readTimeout().toMillis())
                .rateLimited(settings.refreshMinInterval().toMillis())
                .retrying(false)
                .refreshAheadCache(false)
                .outageTolerant(false)
                .build();
    }

    private ResourceRetriever retrieverFor(URL url) {
        int sizeLimit = (int) Math.min(Integer.MAX_VALUE, settings.sizeLimit().toBytes());
        if ("file".equals(url.getProtocol())) {
            return new FileResourceRetriever(sizeLimit);
        }
        return new DefaultResourceRetriever((int) settings.connectTimeout().toMillis(),
                (int) settings.readTimeout().toMillis(), sizeLimit);
    }

    static URL parse(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new CdsSecurityConfigurationException(setting + " is empty");
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("file")) {
                throw new CdsSecurityConfigurationException(setting + " must be an https: or file: URL, got '"
                        + value + "'");
            }
            if (scheme.equals("file")) {
                checkFile(uri, value, setting);
            }
            return uri.toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new CdsSecurityConfigurationException(setting + " is not a valid URL: '" + value + "'");
        }
    }
}
