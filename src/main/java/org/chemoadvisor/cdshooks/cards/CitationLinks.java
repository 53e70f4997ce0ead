package org.chemoadvisor.cdshooks.cards;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chemoadvisor.fhir.terminology.PublishedResources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where a card links a citation. A CMS page is linked as it is; this service's own canonical URLs
 * ({@code http://chemoadvisor.org/fhir/ValueSet/...}) resolve nowhere, so they are linked to the
 * search that finds them on this service's {@code /fhir} ({@code ValueSet?url=...}), under
 * {@code cds.security.public-base-url} when set (behind a proxy), else the base the request came to.
 * Without either, no link: the citation stays text.
 */
@Component
public class CitationLinks {

    private static final String REQUEST_BASE = CitationLinks.class.getName() + ".base";

    private final String publicBaseUrl;
    /** Canonical URL to its encoded query value; citations come from the rule pack, so the map stays small. */
    private final Map<String, String> encodedUrls = new ConcurrentHashMap<>();

    public CitationLinks(@Value("${cds.security.public-base-url:}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.trim().replaceAll("/+$", "");
    }

    /** The URL to open for a citation URL, or null when there is none to give. */
    public String resolvable(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (!url.startsWith(PublishedResources.CANONICAL_BASE)) {
            return url;
        }
        String rest = url.substring(PublishedResources.CANONICAL_BASE.length());
        int slash = rest.indexOf('/');
        String base = base();
        if (slash <= 0 || base == null) {
            return null;
        }
        return base + "/fhir/" + rest.substring(0, slash) + "?url="
                + encodedUrls.computeIfAbsent(url, u -> URLEncoder.encode(u, StandardCharsets.UTF_8));
    }

    private String base() {
        if (publicBaseUrl != null) {
            return publicBaseUrl;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        // Built once per request: building it (forwarded headers, URI components) was most of a card's links.
        Object known = request.getAttribute(REQUEST_BASE, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof String base) {
            return base;
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        request.setAttribute(REQUEST_BASE, base, RequestAttributes.SCOPE_REQUEST);
        return base;
    }
}
