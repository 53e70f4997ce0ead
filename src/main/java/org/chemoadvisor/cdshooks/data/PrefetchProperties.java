package org.chemoadvisor.cdshooks.data;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.prefetch.*}: the EHR FHIR servers this service may call back for data that was not
 * prefetched (empty: it never calls out), and how long it waits for them.
 */
@ConfigurationProperties("cds.prefetch")
public record PrefetchProperties(
        List<String> allowedFhirServers,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration socketTimeout) {

    public PrefetchProperties {
        allowedFhirServers = allowedFhirServers == null ? List.of() : List.copyOf(allowedFhirServers);
    }
}
