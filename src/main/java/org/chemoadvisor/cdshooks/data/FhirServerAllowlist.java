package org.chemoadvisor.cdshooks.data;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The base URLs the fallback may call. A caller's {@code fhirServer} matches an entry when both
 * parse as plain http(s) URLs with the same scheme, host, port and path (scheme and host case, a
 * default port written out and trailing slashes aside). Anything with user info, a query or a
 * fragment never matches, so {@code https://allowed.example@evil/} and the like are refused. The
 * call then goes to the configured entry, never to the caller's spelling of it.
 */
final class FhirServerAllowlist {

    private record Base(String scheme, String host, int port, String path) {
    }

    private record Entry(Base base, String url) {
    }

    private final List<Entry> allowed;

    FhirServerAllowlist(List<String> allowed) {
        this.allowed = allowed.stream()
                .map(url -> new Entry(parse(url).orElseThrow(() -> new IllegalArgumentException(
                        "cds.prefetch.allowed-fhir-servers: '" + url + "' is not an http(s) base URL without user info,"
                                + " query or fragment")), withoutTrailingSlash(url.trim())))
                .toList();
    }

    boolean allows(String fhirServer) {
        return match(fhirServer).isPresent();
    }

    /** The configured base URL {@code fhirServer} stands for, or empty when it is not on the list. */
    Optional<String> match(String fhirServer) {
        Optional<Base> base = parse(fhirServer);
        return base.flatMap(b -> allowed.stream().filter(e -> e.base().equals(b)).map(Entry::url).findFirst());
    }

    private static Optional<Base> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = Objects.toString(uri.getScheme(), "").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(new Base(scheme, uri.getHost().toLowerCase(Locale.ROOT), port,
                    withoutTrailingSlash(Objects.toString(uri.getRawPath(), ""))));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String withoutTrailingSlash(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
