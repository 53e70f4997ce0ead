package org.chemoadvisor.security.cds;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cds.security.*}: who may call {@code /cds-services} and how their tokens are checked.
 * {@code enabled} also switches the bearer token on {@code /fhir}, {@code /feedback/report} and
 * the actuator.
 */
@ConfigurationProperties("cds.security")
public record CdsSecurityProperties(
        @DefaultValue("true") boolean enabled,
        String publicBaseUrl,
        @DefaultValue List<Client> clients,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("5m") Duration maxTokenLifetime,
        @DefaultValue("100000") int replayCacheSize,
        @DefaultValue Jwks jwks,
        @DefaultValue Cors cors) {

    /** One trusted EHR (CDS client), known by its {@code iss}. */
    public record Client(
            String issuer,
            String jwksUri,
            @DefaultValue List<String> jkuAllowlist,
            String tenant,
            @DefaultValue({"ES384", "RS384"}) List<String> algorithms) {
    }

    /** Fetching and caching of the clients' key sets. */
    public record Jwks(
            @DefaultValue("5m") Duration cacheTtl,
            @DefaultValue("30s") Duration refreshMinInterval,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout,
            @DefaultValue("64KB") DataSize sizeLimit) {
    }

    /** Browser-based CDS clients: the origins allowed to call; empty means no CORS at all. */
    /**
     * @param allowedOrigins         exact origins of browser-based CDS clients
     * @param allowedOriginPatterns  origin patterns, e.g. {@code http://localhost:[*]} for any port (the demo)
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue List<String> allowedOriginPatterns,
            @DefaultValue("30m") Duration maxAge) {

        public boolean any() {
            return !allowedOrigins.isEmpty() || !allowedOriginPatterns.isEmpty();
        }
    }
}
