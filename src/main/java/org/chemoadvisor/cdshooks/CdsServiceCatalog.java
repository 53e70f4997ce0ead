package org.chemoadvisor.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.chemoadvisor.cdshooks.api.CdsServiceDefinition;
import org.chemoadvisor.cdshooks.api.Discovery;
import org.chemoadvisor.feedback.CdsServiceIds;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The service definitions, kept as data in {@code cds-services.json} (mirrored by
 * {@code cds-hooks/discovery.json}): the discovery document and the prefetch templates that the
 * fallback fetch expands come from the same place.
 */
@Component
public class CdsServiceCatalog implements CdsServiceIds {

    static final String RESOURCE = "cds-services.json";

    private final Discovery discovery;

    public CdsServiceCatalog(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.discovery = objectMapper.readValue(in, Discovery.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        for (CdsServiceDefinition service : discovery.services()) {
            if (Hook.fromId(service.hook()).isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": service " + service.id() + " names unsupported hook "
                        + service.hook());
            }
        }
    }

    public Discovery discovery() {
        return discovery;
    }

    public Optional<CdsServiceDefinition> find(String id) {
        return discovery.services().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Feedback is accepted for exactly the services discovery lists. */
    @Override
    public boolean exists(String serviceId) {
        return find(serviceId).isPresent();
    }
}
